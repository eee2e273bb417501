// ccxt's binance class, unmodified, against mockexd: only the base URLs change (spec §14.1).
// Usage: node ccxt_spot.mjs http://127.0.0.1:PORT [--default-options]
// Prints one JSON object with what each call returned; exits non-zero on any exception.
import ccxt from 'ccxt';

const base = process.argv[2];
const spotOnly = !process.argv.includes('--default-options');
const exchange = new ccxt.binance({
  apiKey: 'demo-key',
  secret: 'demo-secret',
  options: spotOnly
    ? { defaultType: 'spot', fetchMarkets: { types: ['spot'] }, fetchCurrencies: false,
        fetchMargins: false }
    : {},
});
for (const [name, url] of Object.entries(exchange.urls.api)) {
  if (typeof url === 'string') exchange.urls.api[name] = url.replace(/^https:\/\/[^/]+/, base);
}

const out = {};
const markets = await exchange.loadMarkets();
out.markets = Object.keys(markets).sort();
const ticker = await exchange.fetchTicker('BTC/USDT');
out.ticker = { last: ticker.last, bid: ticker.bid, ask: ticker.ask };
const book = await exchange.fetchOrderBook('BTC/USDT', 5);
out.book = { bids: book.bids.length, asks: book.asks.length, nonce: book.nonce,
             best_bid: book.bids[0][0], best_ask: book.asks[0][0] };
out.ohlcv = (await exchange.fetchOHLCV('BTC/USDT', '1m', undefined, 3)).length;
out.trades = (await exchange.fetchTrades('BTC/USDT', undefined, 5)).length;
const before = await exchange.fetchBalance();
out.balance_before = { USDT: before.USDT.total, BTC: before.BTC.total };
const bought = await exchange.createOrder('BTC/USDT', 'market', 'buy', 0.001);
out.market_buy = { status: bought.status, filled: bought.filled, cost: bought.cost,
                   fee_currency: bought.fees?.[0]?.currency ?? bought.fee?.currency };
const price = Math.floor(book.bids[0][0] * 0.8);
const resting = await exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.002, price);
out.limit_buy = { status: resting.status, id: resting.id };
out.open_orders = (await exchange.fetchOpenOrders('BTC/USDT')).map((o) => o.id);
const canceled = await exchange.cancelOrder(resting.id, 'BTC/USDT');
out.canceled = canceled.status;
try {
  await exchange.cancelAllOrders('BTC/USDT');
  out.cancel_all_empty = 'no error';
} catch (e) {
  out.cancel_all_empty = e.constructor.name;
}
try {
  await exchange.createOrder('BTC/USDT', 'limit', 'buy', 10, price);
  out.too_big = 'no error';
} catch (e) {
  out.too_big = e.constructor.name;
}
out.my_trades = (await exchange.fetchMyTrades('BTC/USDT')).length;
const after = await exchange.fetchBalance();
out.balance_after = { USDT: after.USDT.total, BTC: after.BTC.total };
console.log(JSON.stringify(out));
