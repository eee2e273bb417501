-- GET of the URL wrk was given, unchanged (ticker/price, and the 50 ms delayed ticker): a static
-- request, so wrk builds it once and spends nothing per request.
--   wrk -t1 -c10 -d10s -s bench/peers/wrk/get.lua 'http://127.0.0.1:P/api/v3/ticker/price?symbol=BTCUSDT'
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "report.lua")
