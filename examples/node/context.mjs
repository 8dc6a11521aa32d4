// Ask memq for a session's context straight over AMQP (request-reply), without the HTTP gateway.
//
//   MEMQ_ACCOUNT_ID=acme node context.mjs <session_id> [anthropic|text|json] [budget]
//
// Environment as in publish.mjs. The request is a Dramatiq message
// (schemas/jsonschema/context_request.json); the worker answers on our
// exclusive reply queue with schemas/jsonschema/context_reply.json. Prints the
// reply's result, or exits 1 with its error. See docs/amqp.md.

import { randomUUID } from 'node:crypto';
import amqp from 'amqplib';

const TIMEOUT_MS = 2000; // per attempt; also sets the request's deadline
const ATTEMPTS = 2;

const url = process.env.MEMQ_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672/';
const prefix = process.env.MEMQ_QUEUE_PREFIX ?? 'memq';
const accountId = process.env.MEMQ_ACCOUNT_ID;
const [sessionId, format = 'anthropic', budgetArg] = process.argv.slice(2);

if (!accountId || !sessionId || !['anthropic', 'text', 'json'].includes(format)) {
  console.error('usage: MEMQ_ACCOUNT_ID=<account> node context.mjs <session_id> [anthropic|text|json] [budget]');
  process.exit(2);
}

const queue = `${prefix}.context`;
const connection = await amqp.connect(url);
try {
  const channel = await connection.createChannel();
  // A server-named, exclusive queue: it dies with this connection, so a late
  // reply to a caller that is gone is dropped by RabbitMQ.
  const { queue: replyTo } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  const waiting = new Map(); // correlation id -> resolve
  await channel.consume(
    replyTo,
    (message) => {
      if (message === null) return;
      const reply = JSON.parse(message.content.toString());
      const resolve = waiting.get(reply.correlation_id);
      if (resolve) resolve(reply); // else: late or duplicate, drop it
    },
    { noAck: true },
  );

  const ask = (correlationId) => {
    const request = {
      queue_name: queue,
      actor_name: 'assemble_context',
      args: [],
      kwargs: {
        account_id: accountId,
        session_id: sessionId,
        budget: budgetArg === undefined ? null : Number(budgetArg),
        format,
      },
      options: {
        memq_reply_to: replyTo,
        memq_correlation_id: correlationId,
        memq_deadline_ms: Date.now() + TIMEOUT_MS,
      },
      message_id: randomUUID(),
      message_timestamp: Date.now(),
    };
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(correlationId);
        resolve(null);
      }, TIMEOUT_MS);
      waiting.set(correlationId, (reply) => {
        clearTimeout(timer);
        waiting.delete(correlationId);
        resolve(reply);
      });
      // The queue is declared by memq (gateway or workers); a request needs no persistence.
      channel.sendToQueue(queue, Buffer.from(JSON.stringify(request)), {
        contentType: 'application/json',
      });
    });
  };

  let reply = null;
  for (let attempt = 1; attempt <= ATTEMPTS && reply === null; attempt += 1) {
    reply = await ask(randomUUID()); // a fresh correlation id per attempt
  }
  if (reply === null) {
    console.error(`no reply from the context workers within ${ATTEMPTS} x ${TIMEOUT_MS} ms`);
    process.exitCode = 1;
  } else if (!reply.ok) {
    console.error(`${reply.error.status} ${reply.error.code}: ${reply.error.detail}`);
    process.exitCode = 1;
  } else {
    console.log(JSON.stringify(reply.result, null, 2));
  }
  await channel.close();
} finally {
  await connection.close();
}
