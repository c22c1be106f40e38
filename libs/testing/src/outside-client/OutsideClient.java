import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A ministry system's client as an integrator would write it: the Apache Kafka Java client, no
 * Sinergi code. Run as a single source file (java -cp '<kafka libs>/*' OutsideClient.java):
 *   produce <config.properties> <topic>                      stdin: one "key<TAB>CloudEvents JSON" line per message
 *   consume <config.properties> <topic> <count> <timeoutMs>  stdout: one message value per line
 */
public class OutsideClient {
  public static void main(String[] args) throws Exception {
    Properties config = new Properties();
    try (FileInputStream in = new FileInputStream(args[1])) {
      config.load(in);
    }
    if (args[0].equals("produce")) {
      produce(config, args[2]);
    } else {
      consume(config, args[2], Integer.parseInt(args[3]), Long.parseLong(args[4]));
    }
  }

  static void produce(Properties config, String topic) throws Exception {
    config.put("key.serializer", StringSerializer.class.getName());
    config.put("value.serializer", StringSerializer.class.getName());
    config.put("acks", "all");
    config.put("enable.idempotence", "true");
    BufferedReader lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        int tab = line.indexOf('\t');
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, line.substring(0, tab), line.substring(tab + 1));
        record.headers().add(new RecordHeader("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get();
      }
    }
  }

  static void consume(Properties config, String topic, int count, long timeoutMs) {
    config.put("key.deserializer", StringDeserializer.class.getName());
    config.put("value.deserializer", StringDeserializer.class.getName());
    config.put("auto.offset.reset", "earliest");
    long deadline = System.currentTimeMillis() + timeoutMs;
    int seen = 0;
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      while (seen < count && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          System.out.println(record.value());
          seen++;
        }
      }
    }
    System.out.flush();
    if (seen < count) {
      System.err.println("read " + seen + " of " + count + " messages within " + timeoutMs + " ms");
      System.exit(2);
    }
  }
}
