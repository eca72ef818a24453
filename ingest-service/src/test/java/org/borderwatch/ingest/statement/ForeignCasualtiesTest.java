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
                .isEqualTo(new Casualties(null, 4, Party.AM));
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

    @Test
    void thePeopleCountedCarryTheirSideNotTheAttackers() {
        assertThat(ForeignCasualties.read("В результате обстрела со стороны Азербайджана погибли 49 армянских "
                + "военнослужащих.", Party.AM)).isEqualTo(new Casualties(49, null, Party.AM));
        assertThat(ForeignCasualties.read("Ранены двое военнослужащих Вооруженных сил Армении.", null))
                .isEqualTo(new Casualties(null, 2, Party.AM));
        assertThat(ForeignCasualties.read("Զոհվել են հայկական բանակի վեց զինծառայողներ։", Party.AM))
                .isEqualTo(new Casualties(6, null, Party.AM));
        // the attacker's name alone says nothing about whose losses
        assertThat(ForeignCasualties.read("Огнем азербайджанских подразделений ранен один военнослужащий.", Party.AM))
                .isEqualTo(new Casualties(null, 1, null));
    }

    @Test
    void aSingularPersonWithoutANumberIsOneAndAnInitialEndsNoClause() {
        assertThat(ForeignCasualties.read("Nəticədə Azərbaycan Ordusunun hərbçisi, əsgər E. Məmmədov şəhid olub.",
                Party.AZ)).isEqualTo(new Casualties(1, null, Party.AZ));
        assertThat(ForeignCasualties.read("Ermənistan tərəfinin atəşi nəticəsində hərbçilər yaralanıb.", Party.AZ))
                .isNull(); // plural, no number: no count
    }
}
