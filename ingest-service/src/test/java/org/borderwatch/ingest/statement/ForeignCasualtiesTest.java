package org.borderwatch.ingest.statement;

import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.Party;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ForeignCasualtiesTest {

    @Test
    void readsCountsInEachLanguage() {
        assertThat(ForeignCasualties.read("Убит один военнослужащий, трое ранены.", Party.AM))
                .isEqualTo(new Casualties(1, 3, null));
        assertThat(ForeignCasualties.read("Սոթքի մոտ մեր չորս զինծառայող վիրավորվել են։", Party.AM))
                .isEqualTo(new Casualties(0, 4, Party.AM));
        assertThat(ForeignCasualties.read("iki hərbi qulluqçu şəhid olub, üç nəfər yaralanıb.", Party.AZ))
                .isEqualTo(new Casualties(2, 3, null));
    }

    @Test
    void datesAndVagueQuantitiesAreNoCounts() {
        assertThat(ForeignCasualties.read("13 февраля у Сотка открыт огонь по 2 позициям.", Party.AM)).isNull();
        assertThat(ForeignCasualties.read("bir neçə nəfər yaralanıb.", Party.AZ)).isNull();
        assertThat(ForeignCasualties.read("Обстрел продолжался час. Потерь нет.", Party.AM))
                .isEqualTo(new Casualties(0, 0, null));
    }
}
