-- Signed POST /api/v3/order from a pool of pre-signed bodies (LuaJIT has no HMAC-SHA256), cycled
-- in order by each thread. The pool file, written by bench/compare.py just before the
-- run, returns a table: {api_key = "...", bodies = {"symbol=...&timestamp=...&signature=...", ...}}.
-- Every request is formatted once in init(), so request() only hands out the next one. Peers get
-- the same requests and ignore the signature.
--   wrk -t1 -c10 -d10s -s bench/peers/wrk/order.lua http://127.0.0.1:P/api/v3/order -- POOL.lua
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "report.lua")

local requests = {}
local next_index = 1

function init(args)
  local pool = dofile(args[1])
  local headers = {["Content-Type"] = "application/x-www-form-urlencoded",
                   ["X-MBX-APIKEY"] = pool.api_key}
  for i, body in ipairs(pool.bodies) do
    requests[i] = wrk.format("POST", nil, headers, body)
  end
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end
