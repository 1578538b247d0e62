-- wrk script: each connection pauses between requests so that together they send about RATE
-- requests per second (a steady load below the maximum, for latency percentiles).
local rate = tonumber(os.getenv("RATE"))
local connections = tonumber(os.getenv("CONNECTIONS"))

function delay()
  return 1000 * connections / rate
end
