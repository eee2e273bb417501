// ccxt's binance (REST) and ccxt.pro's (streams), configured only with the `urls` a mockex SDK
// hands out (Session.ccxt_urls()), trade and stream against that session, and reach nothing else.
// Usage: node ccxt_urls.mjs '<urls JSON>'   Prints one JSON object; exits non-zero on any error.
import ccxt from 'ccxt';

const urls = JSON.parse(process.argv[2]);
const options = { defaultType: 'spot', fetchMarkets: { types: ['spot'] }, fetchCurrencies: false,
                  fetchMargins: false };
const rest = new ccxt.binance({ apiKey: 'demo-key', secret: 'demo-secret', urls, options });
const pro = new ccxt.pro.binance({ apiKey: 'demo-key', secret: 'demo-secret', urls, options });

function leaks(value, path = 'api') {
  if (typeof value === 'string') return /^(https?|wss?):\/\/127\.0\.0\.1[:/]/.test(value) ? [] : [path];
  return Object.entries(value).flatMap(([key, inner]) => leaks(inner, `${path}.${key}`));
}

const out = { leaks: [...leaks(rest.urls.api), ...leaks(pro.urls.api)] };
await rest.loadMarkets();
out.ticker = (await rest.fetchTicker('BTC/USDT')).symbol;
out.order = (await rest.createOrder('BTC/USDT', 'limit', 'buy', 0.001, 20000)).status;
await pro.loadHttpProxyAgent();  // ccxt refuses plain ws:// URLs without it
await pro.loadMarkets();
out.trades = (await pro.watchTrades('BTC/USDT')).length > 0;
await pro.close();
console.log(JSON.stringify(out));
