// ccxt.pro's binance watchers, unmodified, against mockexd's market streams: only the URLs
// change (spec §14.1). Usage: node ccxt_watch.mjs http://127.0.0.1:PORT[/s/<session>]
// Prints one JSON object with what each watcher gave; exits non-zero on any exception.
import ccxt from 'ccxt';

const base = process.argv[2];
const exchange = new ccxt.pro.binance({
  apiKey: 'demo-key',
  secret: 'demo-secret',
  options: { defaultType: 'spot', fetchMarkets: { types: ['spot'] }, fetchCurrencies: false,
             fetchMargins: false },
});
for (const [name, url] of Object.entries(exchange.urls.api)) {
  if (typeof url === 'string') exchange.urls.api[name] = url.replace(/^https:\/\/[^/]+/, base);
}
exchange.urls.api.ws.spot = base.replace(/^http/, 'ws') + '/ws';
exchange.urls.api.ws['ws-api'].spot = base.replace(/^http/, 'ws') + '/ws-api/v3';
await exchange.loadHttpProxyAgent();  // ccxt refuses plain ws:// URLs without it (spec §14.5)
await exchange.loadMarkets();

const out = {};
const symbol = 'BTC/USDT';

// The local book ccxt keeps from the diff stream must equal a REST snapshot taken at the same
// update id. The market moves, so wait for an update that a snapshot can catch.
out.book = { compared: 0, updates: 0 };
for (let i = 0; i < 60 && out.book.compared < 2; i++) {
  const book = await exchange.watchOrderBook(symbol);
  out.book.updates += 1;
  const rest = await exchange.fetchOrderBook(symbol, 1000);
  if (rest.nonce !== book.nonce) continue;
  const local = { bids: book.bids.slice(0, rest.bids.length), asks: book.asks.slice(0, rest.asks.length) };
  if (JSON.stringify(local.bids) !== JSON.stringify(rest.bids) ||
      JSON.stringify(local.asks) !== JSON.stringify(rest.asks) ||
      book.bids.length !== rest.bids.length || book.asks.length !== rest.asks.length) {
    throw new Error(`book at nonce ${book.nonce} differs from the REST snapshot`);
  }
  out.book.compared += 1;
  out.book.nonce = book.nonce;
  out.book.best_bid = book.bids[0][0];
  out.book.best_ask = book.asks[0][0];
}

const trades = await exchange.watchTrades(symbol);
out.trades = { count: trades.length, price: trades[0].price, amount: trades[0].amount,
               side: trades[0].side, id: trades[0].id };
const ticker = await exchange.watchTicker(symbol);
out.ticker = { symbol: ticker.symbol, last: ticker.last, open: ticker.open, high: ticker.high,
               low: ticker.low, baseVolume: ticker.baseVolume };
// watchTickers resolves with each update's symbols as they come; both markets push in the same
// instant, so ask for the whole cache (newUpdates off) until both are in it.
exchange.newUpdates = false;
const seen = new Set();
for (let i = 0; i < 10 && seen.size < 2; i++) {
  for (const name of Object.keys(await exchange.watchTickers(['BTC/USDT', 'ETH/USDT']))) seen.add(name);
}
out.tickers = [...seen].sort();
const ohlcv = await exchange.watchOHLCV(symbol, '1m');
out.ohlcv = ohlcv[ohlcv.length - 1];
const bidsAsks = await exchange.watchBidsAsks([symbol]);
const quote = bidsAsks[symbol];
out.bids_asks = { bid: quote.bid, ask: quote.ask, bidVolume: quote.bidVolume,
                  askVolume: quote.askVolume };

// User data over the WebSocket API (userDataStream.subscribe.signature, spec §11): a resting
// limit order, then a market buy whose fill moves the balance.
exchange.newUpdates = true;
const ordersWatched = exchange.watchOrders(symbol);
await new Promise((resolve) => setTimeout(resolve, 300));  // the subscription is in place
const resting = await exchange.createOrder(symbol, 'limit', 'buy', 0.001,
                                           Math.floor(out.book.best_bid * 0.9));
const watchedOrders = await ordersWatched;
out.watch_orders = watchedOrders.map((o) => ({ id: o.id, status: o.status, price: o.price,
                                               clientOrderId: o.clientOrderId }));
out.resting_id = resting.id;
out.resting_client_id = resting.clientOrderId;
const balanceWatched = exchange.watchBalance();
const tradesWatched = exchange.watchMyTrades(symbol);
const bought = await exchange.createOrder(symbol, 'market', 'buy', 0.002);
await balanceWatched;
// The resolved update may be the resting order's (USDT only); ccxt folds every
// outboundAccountPosition into exchange.balance.spot: wait for the market buy's to arrive there.
const folded = () => exchange.balance.spot ?? {};
for (let i = 0; i < 100 && !(folded().BTC?.free > 10); i++) {
  await new Promise((resolve) => setTimeout(resolve, 100));
}
out.watch_balance = { BTC: folded().BTC?.free, USDT: folded().USDT?.free };
const myTrades = await tradesWatched;
out.watch_my_trades = myTrades.map((t) => ({ order: t.order, amount: t.amount, price: t.price,
                                             fee: t.fee?.cost, feeCurrency: t.fee?.currency }));
out.market_buy = { id: bought.id, filled: bought.filled, cost: bought.cost };
const rest = await exchange.fetchBalance();
out.rest_balance = { BTC: rest.BTC.free, USDT: rest.USDT.free };
await exchange.close();
console.log(JSON.stringify(out));
