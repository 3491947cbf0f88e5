-- wrk script of bench/run.sh's library and search cases: each request takes the next path of
-- the file given after `--` (one path per line, e.g. from `bench/library.py --paths search_ar`),
-- each thread starting at a different one; at the end it prints the latency percentiles that
-- wrk's --latency table lacks (p95), on one line that bench/library.py reads:
--   PERCENTILES_US p50=… p75=… p90=… p95=… p99=… max=…   (microseconds)
local paths = {}
local position = 0
local counter = 0

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot read the paths file " .. tostring(args[1]))
  for line in file:lines() do
    if line:match("%S") then paths[#paths + 1] = line end
  end
  file:close()
  assert(#paths > 0, "no paths in " .. args[1])
  position = (id or 0) % #paths
end

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end

function done(summary, latency, requests)
  io.write(string.format(
    "PERCENTILES_US p50=%d p75=%d p90=%d p95=%d p99=%d max=%d\n",
    latency:percentile(50), latency:percentile(75), latency:percentile(90),
    latency:percentile(95), latency:percentile(99), latency.max))
end
