-- wrk script for the result page of the resident check: the same load as `loadtest -url`, but with
-- wrk's own client, which takes far less CPU than Go's net/http client on the machine under test.
--
--   go run ./cmd/loadtest -url http://127.0.0.1:8080 -urls > /tmp/urls.txt
--   ZEKER_URLS=/tmp/urls.txt wrk -t2 -c100 -d30s -s cmd/loadtest/wrk.lua http://127.0.0.1:8080
--
-- Every request fetches the next of the result pages in the file. At the end it prints p50/p90/p99/max
-- and the number of errors (socket errors and non-2xx answers).

local paths = {}
for line in io.lines(os.getenv("ZEKER_URLS") or "urls.txt") do
  if line ~= "" then paths[#paths + 1] = line end
end
if #paths == 0 then error("no result page paths in " .. (os.getenv("ZEKER_URLS") or "urls.txt")) end

local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

done = function(summary, latency, requests)
  local e = summary.errors
  local ms = function(us) return string.format("%.2fms", us / 1000) end
  io.write(string.format("requests %d in %.1fs (%.0f req/s)\n", summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %s  p90 %s  p99 %s  max %s\n", ms(latency:percentile(50)),
    ms(latency:percentile(90)), ms(latency:percentile(99)), ms(latency.max)))
  io.write(string.format("errors %d (connect %d, read %d, write %d, timeout %d, non-2xx %d)\n",
    e.connect + e.read + e.write + e.timeout + e.status, e.connect, e.read, e.write, e.timeout, e.status))
end
