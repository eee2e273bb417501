// npm `binance` 3.6.5 and binance-api-node 0.13.10, unmodified, against mockexd: REST with signed
// orders and market streams. Only base URLs, key and secret are configured (spec §14.1).
// Usage: node sdks.mjs http://127.0.0.1:PORT[/s/<session>]
// Prints one JSON object with what each call returned; exits non-zero on any exception.
import { MainClient, WebsocketClient } from 'binance';
import BinanceApiNode from 'binance-api-node';

const base = process.argv[2];
const wsBase = base.replace(/^http/, 'ws');
const key = 'demo-key';
const secret = 'demo-secret';
const out = {};

function withTimeout(promise, what, ms = 15000) {
  return Promise.race([promise, new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms))]);
}

// Resolves once `collect` has seen every wanted event type; `collect` returns the type seen.
function gather(wanted, subscribe) {
  const seen = {};
  return withTimeout(new Promise((resolve) => {
    subscribe((type, payload) => {
      if (!wanted.includes(type) || seen[type]) return;
      seen[type] = payload;
      if (wanted.every((w) => seen[w])) resolve(seen);
    });
  }), wanted.join(', '));
}

// --- npm binance ---
const main = new MainClient({ api_key: key, api_secret: secret, baseUrl: base });
const info = await main.getExchangeInfo();
out.binance_symbols = info.symbols.map((s) => s.symbol).sort();
const book = await main.getOrderBook({ symbol: 'BTCUSDT', limit: 5 });
out.binance_book = { bids: book.bids.length, asks: book.asks.length, lastUpdateId: book.lastUpdateId };
const bid = Number(book.bids[0][0]);
const order = await main.submitNewOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT',
  timeInForce: 'GTC', quantity: 0.001, price: Math.floor(bid * 0.9) });
out.binance_order = { status: order.status, clientOrderId: order.clientOrderId };
const canceled = await main.cancelOrder({ symbol: 'BTCUSDT', orderId: order.orderId });
out.binance_cancel = canceled.status;
const account = await main.getAccountInformation();
out.binance_usdt = account.balances.find((b) => b.asset === 'USDT').free;

const ws = new WebsocketClient({ api_key: key, api_secret: secret, wsUrl: wsBase,
  restOptions: { baseUrl: base } });
const streams = await gather(['trade', 'aggTrade', '24hrTicker', 'depth5'], (seen) => {
  ws.on('message', (data) => {
    // The SDK labels partial depth (which has no "e" on the wire) with its stream name.
    if (data?.lastUpdateId) seen('depth5', data);
    else if (data?.e) seen(data.e, data);
  });
  ws.subscribe(['btcusdt@trade', 'btcusdt@aggTrade', 'btcusdt@ticker', 'btcusdt@depth5@100ms'],
    'main');
});
out.binance_streams = Object.fromEntries(Object.entries(streams).map(([type, data]) =>
  [type, data.s ?? data.bids?.length]));
ws.closeAll(true);

// --- binance-api-node ---
const client = BinanceApiNode.default({ apiKey: key, apiSecret: secret, httpBase: base,
  wsBase: wsBase + '/ws' });
out.node_time = await client.time();
const nodeBook = await client.book({ symbol: 'ETHUSDT', limit: 5 });
out.node_book = { bids: nodeBook.bids.length, asks: nodeBook.asks.length };
const nodeOrder = await client.order({ symbol: 'ETHUSDT', side: 'BUY', type: 'LIMIT',
  quantity: '0.01', price: String(Math.floor(Number(nodeBook.bids[0].price) * 0.9)) });
out.node_order = nodeOrder.status;
const closers = [];
const nodeStreams = await gather(['depth', 'trade', 'ticker', 'candle', 'bookTicker'], (seen) => {
  closers.push(client.ws.depth('BTCUSDT@100ms', (d) => seen('depth', d)));
  closers.push(client.ws.trades('BTCUSDT', (t) => seen('trade', t)));
  closers.push(client.ws.ticker('BTCUSDT', (t) => seen('ticker', t)));
  closers.push(client.ws.candles('BTCUSDT', '1m', (c) => seen('candle', c)));
  closers.push(client.ws.bookTicker('BTCUSDT', (b) => seen('bookTicker', b)));
});
out.node_streams = {
  depth: nodeStreams.depth.finalUpdateId >= nodeStreams.depth.firstUpdateId,
  trade: Number(nodeStreams.trade.price) > 0,
  ticker: nodeStreams.ticker.symbol,
  candle: nodeStreams.candle.interval,
  bookTicker: Number(nodeStreams.bookTicker.bestBid) < Number(nodeStreams.bookTicker.bestAsk),
};
for (const close of closers) close({ delay: 0, fastClose: true, keepClosed: true });
console.log(JSON.stringify(out));
process.exit(0);
