import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.io.FileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Run by deploy/local/lib.sh with the broker's jars (java -cp ... KafkaSetup.java admin.properties acls.txt):
 * checks that the broker on the configured port takes the runner's admin user, then creates the ACLs of
 * acls.txt (creating an ACL that exists changes nothing). Exits 1 with the reason when the broker refuses.
 */
public class KafkaSetup {

    public static void main(String[] args) throws IOException, InterruptedException {
        Properties config = new Properties();
        try (FileReader reader = new FileReader(args[0])) {
            config.load(reader);
        }
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        List<AclBinding> acls = acls(Path.of(args[1]));
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            System.err.println("The broker at " + config.get("bootstrap.servers") + " refused the runner's admin user: " + e.getCause());
            System.exit(1);
        } catch (TimeoutException e) {
            System.err.println("The broker at " + config.get("bootstrap.servers") + " did not answer a SASL/SCRAM client within 30 s");
            System.exit(1);
        }
    }

    private static List<AclBinding> acls(Path file) throws IOException {
        List<AclBinding> acls = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 5 || f[0].startsWith("#")) {
                continue;
            }
            ResourcePattern resource = new ResourcePattern(ResourceType.fromString(f[1]), f[3], PatternType.fromString(f[2]));
            for (String operation : f[4].split(",")) {
                acls.add(new AclBinding(resource, new AccessControlEntry("User:" + f[0], "*",
                        AclOperation.fromString(operation), AclPermissionType.ALLOW)));
            }
        }
        return acls;
    }
}
