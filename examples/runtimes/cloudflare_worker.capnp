# workerd's configuration for examples/runtimes/cloudflare_worker.ts, bundled beside it as
# cloudflare_worker.js (docs/cloudflare-workers.md):
#   workerd serve examples/runtimes/cloudflare_worker.capnp --socket-addr http=127.0.0.1:8787
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "*:8787", http = (), service = "main") ],
);

const worker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "cloudflare_worker.js") ],
  compatibilityDate = "2025-09-01",
  compatibilityFlags = ["nodejs_compat", "enable_request_signal"],
  bindings = [ (name = "SECRET_KEY", text = "some-random-string") ],
);
