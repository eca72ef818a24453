package org.borderwatch.testkit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@BorderWatchInfrastructure(kafka = false)
class MongoSmokeIT {

    @Document("smoke_verdicts")
    record VerdictDoc(@Id String id, String incidentId, long version, String segment, String occurrence) {
    }

    static MongoClient client;
    static MongoTemplate template;

    @BeforeAll
    static void connect(Infrastructure infrastructure) {
        client = MongoClients.create(infrastructure.mongoUri());
        template = new MongoTemplate(client, "smoke");
        template.dropCollection(VerdictDoc.class);
        template.indexOps(VerdictDoc.class).createIndex(
                new Index().on("incidentId", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void savesQueriesAndRejectsADuplicateThroughTheUniqueIndex() {
        template.insert(new VerdictDoc("a", "inc-1", 1, "SYUNIK_EAST", "UNVERIFIED"));
        template.insert(new VerdictDoc("b", "inc-1", 2, "SYUNIK_EAST", "DISPUTED"));
        template.insert(new VerdictDoc("c", "inc-2", 1, "GEGHARKUNIK", "REFUTED"));

        List<VerdictDoc> syunik = template.find(
                Query.query(Criteria.where("segment").is("SYUNIK_EAST")).with(Sort.by("version")), VerdictDoc.class);

        assertThat(syunik).extracting(VerdictDoc::occurrence).containsExactly("UNVERIFIED", "DISPUTED");
        assertThatThrownBy(() -> template.insert(new VerdictDoc("d", "inc-1", 2, "SYUNIK_EAST", "CONFIRMED")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(template.count(new Query(), VerdictDoc.class)).isEqualTo(3);
    }
}
