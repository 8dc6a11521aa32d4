// Publish one chat message to memq straight over AMQP, without the HTTP gateway.
//
//   MEMQ_ACCOUNT_ID=acme node publish.mjs <session_id> <role> <content> [message_id]
//
// Environment: MEMQ_AMQP_URL (default amqp://guest:guest@127.0.0.1:5672/),
// MEMQ_QUEUE_PREFIX (default memq), MEMQ_ACCOUNT_ID (required: over AMQP you
// are trusted to name the account; the HTTP gateway takes it from the API key),
// MEMQ_QUEUE_TYPE and MEMQ_INGEST_MAX_RETRIES (as the deployment's: quorum, 20).
//
// The body is a Dramatiq message (schemas/jsonschema/ingest_envelope.json)
// whose kwargs.event is a MessageEvent (schemas/jsonschema/message_event.json).
// It prints {"message_id", "seq", "queue"} once RabbitMQ has confirmed it.
// See docs/amqp.md.

import { randomUUID } from 'node:crypto';
import amqp from 'amqplib';

const DEAD_LETTER_TTL_MS = 7 * 24 * 3600 * 1000; // Dramatiq's dead_message_ttl

const url = process.env.MEMQ_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672/';
const prefix = process.env.MEMQ_QUEUE_PREFIX ?? 'memq';
const queueType = process.env.MEMQ_QUEUE_TYPE ?? 'quorum';
const ingestRetries = Number(process.env.MEMQ_INGEST_MAX_RETRIES ?? 20);
const accountId = process.env.MEMQ_ACCOUNT_ID;
const [sessionId, role, content, givenMessageId] = process.argv.slice(2);

if (!accountId || !sessionId || !['user', 'assistant', 'system'].includes(role) || !content) {
  console.error('usage: MEMQ_ACCOUNT_ID=<account> node publish.mjs <session_id> <user|assistant|system> <content> [message_id]');
  process.exit(2);
}

// seq orders a session's messages: microseconds since the epoch, strictly
// increasing within one producer (as the gateway does). Below 2**53, so exact.
let lastSeq = 0;
function nextSeq() {
  const now = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  lastSeq = Math.max(lastSeq + 1, now);
  return lastSeq;
}

// The queue arguments must be exactly memq's (docs/amqp.md), or RabbitMQ refuses
// the declaration (PRECONDITION_FAILED) and closes the channel.
async function declareQueues(channel, queue) {
  const quorum = queueType === 'quorum' ? { 'x-queue-type': 'quorum' } : {};
  await channel.assertQueue(`${queue}.XQ`, {
    durable: true,
    arguments: { 'x-message-ttl': DEAD_LETTER_TTL_MS, ...quorum },
  });
  const main = { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': `${queue}.XQ` };
  if (queueType === 'quorum') {
    Object.assign(main, quorum, {
      'x-dead-letter-strategy': 'at-least-once',
      'x-overflow': 'reject-publish',
      'x-delivery-limit': ingestRetries,
    });
  }
  await channel.assertQueue(queue, { durable: true, arguments: main });
}

function ingestMessage(queue, event) {
  return {
    queue_name: queue,
    actor_name: 'ingest_message',
    args: [],
    kwargs: { event },
    options: {},
    message_id: randomUUID(), // this delivery's id (Dramatiq's), not the chat message's
    message_timestamp: Date.now(),
  };
}

const queue = `${prefix}.ingest`;
const event = {
  version: 1,
  account_id: accountId,
  session_id: sessionId,
  // Reuse the same message_id when you retry: memq stores it once per account.
  message_id: givenMessageId ?? randomUUID(),
  role,
  content,
  seq: nextSeq(),
  accepted_at: new Date().toISOString(),
  sent_at: null,
  user_id: null,
  channel: 'node-example',
  metadata: null,
};

const connection = await amqp.connect(url);
try {
  const channel = await connection.createConfirmChannel();
  await declareQueues(channel, queue);
  channel.on('return', (returned) => {
    console.error(`unroutable: ${returned.fields.replyText}`);
    process.exitCode = 1;
  });
  const body = Buffer.from(JSON.stringify(ingestMessage(queue, event)));
  channel.sendToQueue(queue, body, {
    persistent: true, // delivery_mode 2: survives a broker restart
    mandatory: true, // returned, not dropped, if the queue does not exist
    contentType: 'application/json',
  });
  await channel.waitForConfirms(); // rejects if RabbitMQ nacks
  await channel.close();
  console.log(JSON.stringify({ message_id: event.message_id, seq: event.seq, queue }));
} finally {
  await connection.close();
}
