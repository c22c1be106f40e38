import { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { refusalOf } from './outbox-parking';

function protocolError(type: string, retriable: boolean): KafkaJSProtocolError {
  return new KafkaJSProtocolError({ message: type, type, code: 0, retriable } as never);
}

describe('refusalOf', () => {
  it('names a refusal Kafka gives for good, also inside kafkajs\'s "retries exceeded" wrapper', () => {
    expect(refusalOf(protocolError('MESSAGE_TOO_LARGE', false))).toBe('MESSAGE_TOO_LARGE');
    expect(refusalOf(protocolError('TOPIC_AUTHORIZATION_FAILED', false))).toBe('TOPIC_AUTHORIZATION_FAILED');
    const unknownTopic = new KafkaJSNumberOfRetriesExceeded(protocolError('UNKNOWN_TOPIC_OR_PARTITION', true), {
      retryCount: 5,
      retryTime: 100,
    });
    expect(refusalOf(unknownTopic)).toBe('UNKNOWN_TOPIC_OR_PARTITION');
  });

  it('leaves everything else to be retried', () => {
    expect(refusalOf(protocolError('NOT_LEADER_FOR_PARTITION', true))).toBeUndefined();
    expect(refusalOf(new KafkaJSConnectionError('Connection error: ECONNREFUSED'))).toBeUndefined();
    expect(refusalOf(new Error('relay died before marking its batch'))).toBeUndefined();
  });
});
