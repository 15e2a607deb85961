-- The CORS preflight of the middleware suite (bench/middleware.ts): a browser asking
-- whether https://app.example may PUT JSON with an X-Token header.
wrk.method = "OPTIONS"
wrk.headers["Origin"] = "https://app.example"
wrk.headers["Access-Control-Request-Method"] = "PUT"
wrk.headers["Access-Control-Request-Headers"] = "content-type, x-token"
