import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.FileReader;
import java.io.IOException;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * For deploy/local/runner-checks.sh (java -cp ... KafkaProbe.java client.properties topic): tries to write one
 * record as the client configuration's user. Prints "written" (exit 0) or "refused: <error>" (exit 2). Waits long
 * enough for a loaded machine: a refusal for lack of rights must not read as a timeout.
 */
public class KafkaProbe {

    public static void main(String[] args) throws IOException, InterruptedException {
        Properties config = new Properties();
        try (FileReader reader = new FileReader(args[0])) {
            config.load(reader);
        }
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "40000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "30000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(args[1], "probe", "{}")).get(45, TimeUnit.SECONDS);
            System.out.println("written");
        } catch (ExecutionException e) {
            System.out.println("refused: " + e.getCause());
            System.exit(2);
        } catch (Exception e) {
            System.out.println("refused: " + e);
            System.exit(2);
        }
    }
}
