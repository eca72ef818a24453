package org.borderwatch.ingest.source;

import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.ingest.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SourceRegistryTest {

    private final SourceRegistry registry = Fixtures.SOURCES;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Ministry of Defence of Azerbaijan                    | az-mod       | PARTY_OFFICIAL       | AZ",
            "azerbaijani ministry of defense                      | az-mod       | PARTY_OFFICIAL       | AZ",
            "AZ_MOD                                               | az-mod       | PARTY_OFFICIAL       | AZ",
            "Минобороны Армении                                   | am-mod       | PARTY_OFFICIAL       | AM",
            "Armenian Foreign Ministry                            | am-mfa       | PARTY_OFFICIAL       | AM",
            "Dövlət Sərhəd Xidməti                                | az-sbs       | PARTY_OFFICIAL       | AZ",
            "Office of the Prime Minister of Armenia              | am-pm        | PARTY_OFFICIAL       | AM",
            "EUMA                                                 | euma         | INDEPENDENT_OBSERVER | EU",
            "International Committee of the Red Cross             | icrc         | INDEPENDENT_OBSERVER | INTL",
            "OSCE                                                 | osce         | INDEPENDENT_OBSERVER | INTL",
            "Press service of the Ministry of Defence of Armenia  | am-mod       | PARTY_OFFICIAL       | AM",
            "Armenpress                                           | armenpress   | MEDIA                | AM",
            // the names the agencies' English services sign with (batch 76)
            "Report                                               | report-az    | MEDIA                | AZ",
            "AZERTAG                                              | azertac      | MEDIA                | AZ",
            "ACLED                                                | acled        | DATASET              | INTL",
            // the two sides' mine action agencies are their state bodies
            "Mine Action Agency of Azerbaijan (ANAMA)             | az-anama     | PARTY_OFFICIAL       | AZ",
            "Azerbaijan National Agency for Mine Action           | az-anama     | PARTY_OFFICIAL       | AZ",
            "Center for Humanitarian Demining and Expertise       | am-chde      | PARTY_OFFICIAL       | AM",
            "Центр гуманитарного разминирования и экспертизы      | am-chde      | PARTY_OFFICIAL       | AM",
            // third parties: a foreign government is OTHER with its own party; PARTY_OFFICIAL is only the two sides
            "Russian Ministry of Defence                          | ru-mod       | OTHER                | RU",
            "Command of the Russian peacekeeping contingent       | ru-mod       | OTHER                | RU",
            "Российский миротворческий контингент                 | ru-mod       | OTHER                | RU",
            "Минобороны России                                    | ru-mod       | OTHER                | RU",
            "Ministry of Foreign Affairs of the Russian Federation | ru-mfa      | OTHER                | RU",
            "Russian Foreign Ministry                             | ru-mfa       | OTHER                | RU",
            "МИД России                                           | ru-mfa       | OTHER                | RU",
            "Министерство иностранных дел Российской Федерации    | ru-mfa       | OTHER                | RU",
            "U.S. State Department                                | us-state     | OTHER                | US",
            "Госдеп США                                           | us-state     | OTHER                | US",
            "EU High Representative                               | eu-eeas      | OTHER                | EU",
            "Spokesperson of the EEAS                             | eu-eeas      | OTHER                | EU",
            "EU Monitoring Mission in Armenia                     | euma         | INDEPENDENT_OBSERVER | EU",
            "Spokesperson for the UN Secretary-General            | un-sg        | OTHER                | UN",
            "UN Secretary-General's spokesperson                  | un-sg        | OTHER                | UN",
            "Turkish Ministry of National Defence                 | tr-mod       | OTHER                | TR",
            "Turkish Foreign Ministry                             | tr-mfa       | OTHER                | TR",
            "МИД Ирана                                            | ir-mfa       | OTHER                | IR",
            "Iranian Foreign Ministry                             | ir-mfa       | OTHER                | IR",
            "CSTO Secretariat                                     | csto         | OTHER                | INTL",
            "ОДКБ                                                 | csto         | OTHER                | INTL"})
    void resolvesNamesAliasesAndIds(String name, String id, SourceKind kind, Party party) {
        Source s = registry.resolve(name);
        assertThat(s.id()).isEqualTo(id);
        assertThat(s.kind()).isEqualTo(kind);
        assertThat(s.party()).isEqualTo(party);
    }

    @Test
    void americanAndBritishSpellingsAreOneName() {
        assertThat(registry.resolve("Azerbaijan's Defense Ministry").id()).isEqualTo("az-mod");
        assertThat(registry.resolve("Armenian Defense Ministry spokesperson").id()).isEqualTo("am-mod");
    }

    /** A short registered name with the one who speaks for it after it is that body; an unknown body stays unknown. */
    @Test
    void aSpokespersonOrPressServiceSpeaksForTheBodyNamedBeforeIt() {
        assertThat(registry.resolve("Azerbaijan MFA spokesperson").id()).isEqualTo("az-mfa");
        assertThat(registry.resolve("Armenian MFA spokesperson").id()).isEqualTo("am-mfa");
        assertThat(registry.resolve("Armenia MFA press service").id()).isEqualTo("am-mfa");
        assertThat(registry.resolve("Border Villages Council spokesperson").id())
                .startsWith(SourceRegistry.UNREGISTERED_PREFIX);
    }

    @Test
    void anAcronymInCapitalsInsideALongerNameIsEnough() {
        assertThat(registry.resolve("ICRC delegation in Baku").id()).isEqualTo("icrc");
        assertThat(registry.resolve("Statement of the EUMA press office").id()).isEqualTo("euma");
        assertThat(registry.resolve("Icrc fan club").id()).startsWith(SourceRegistry.UNREGISTERED_PREFIX);
    }

    @Test
    void anUnknownSourceIsAcceptedAsOtherWithAStableId() {
        Source s = registry.resolve("Border Villages Council");
        assertThat(s.kind()).isEqualTo(SourceKind.OTHER);
        assertThat(s.party()).isEqualTo(Party.UNKNOWN);
        assertThat(s.id()).isEqualTo("unregistered/border-villages-council")
                .isEqualTo(registry.resolve("border villages COUNCIL").id());
        assertThat(SourceRegistry.isRegisteredId(s.id())).isFalse();
    }

    @Test
    void theRegistryCoversBothSidesAndTheObservers() {
        assertThat(registry.all()).extracting(RegisteredSource::id)
                .contains("az-mod", "am-mod", "az-mfa", "am-mfa", "az-sbs", "az-president", "am-pm", "euma", "osce",
                        "icrc");
    }
}
