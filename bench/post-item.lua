-- wrk script for the validation suite's POST /items: a valid item without "tax", whose default the
-- server fills in. bench/run.ts checks each server's answer to this same body before loading it.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"name":"Trail running shoes","description":"Light, with a grippy sole","price":89.9,"tags":["sport","running"],"in_stock":true}'
