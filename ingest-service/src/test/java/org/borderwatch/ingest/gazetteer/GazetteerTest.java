package org.borderwatch.ingest.gazetteer;

import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.ingest.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GazetteerTest {

    private final Gazetteer gazetteer = Fixtures.GAZETTEER;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Digh                 | tegh",
            "Dığ                  | tegh",
            "Basarkechar          | vardenis",
            "BASARKEÇƏR           | vardenis",
            "Zod                  | sotk",
            "Arazdeyen            | yeraskh",
            "Nerkin-And           | nerkin-hand",
            "Gafan                | kapan",
            "Khanazakh            | khnatsakh",
            "Yukhari Shorja       | verin-shorzha",
            "Kəlbəcər             | kalbajar",
            "Karvachar            | kalbajar",
            "Berdzor              | lachin",
            "Stepanakert          | khankendi",
            "Naxçıvan             | nakhchivan",
            "Nakhijevan           | nakhchivan",
            "Chinarli             | chinari",
            "Istisu               | jermuk",
            "Develi               | vedi",
            "Naxcivan             | nakhchivan",
            "Nakhichevan          | nakhchivan",
            "Kelbajar             | kalbajar",
            "Ghazakh              | gazakh",
            "Qazax                | gazakh",
            "Gubadly              | gubadli",
            "Black Lake           | sev-lich",
            "Mosesgeh             | movses",
            "Yukhary Ayrim        | yukhari-ayrim",
            "Tigranashen          | karki",
            "Teghh                | tegh",
            "Yelija               | yellija",
            "Kolugishlaq          | kollugishlaq",
            "Əsgəran              | askeran",
            "Xocalı               | khojaly",
            "Martakert            | aghdara",
            "Гадрут               | hadrut",
            "Цав                  | tsav",
            // Armenian names in other transliterations: ք as "q" or "g", a final խ as "k", ժ as "j" (with a hyphen)
            "Sotq                 | sotk",
            "Gegharquniq          | gegharkunik",
            "Geghargunik          | gegharkunik",
            "Siuniq               | syunik",
            "Yerask               | yeraskh",
            "Erask                | yeraskh",
            "Khnatsak             | khnatsakh",
            "Shurnuk              | shurnukh",
            "Verin-Shorja         | verin-shorzha",
            "Nerkin Shorja        | nerkin-shorzha",
            "Nerqin Shorzha       | nerkin-shorzha",
            "Nerqin Hand          | nerkin-hand",
            "Alvanq               | alvank",
            "Lichq                | lichk",
            "Berqaber             | berkaber",
            "Paravaqar            | paravakar",
            "Nerqin Karmiraghbyur | nerkin-karmiraghbyur"})
    void bothSidesNamesFindTheSamePlace(String name, String id) {
        assertThat(gazetteer.find("fire from " + name + " direction")).singleElement()
                .extracting(m -> m.place().id()).isEqualTo(id);
    }

    @Test
    void kalbajarIsGegharkunikAloneButContextBesideJermuk() {
        assertThat(gazetteer.resolve("the Kalbajar direction").segments()).containsExactly(BorderSegment.GEGHARKUNIK);
        assertThat(gazetteer.resolve("from Jermuk at our positions in Kalbajar").segments())
                .containsExactly(BorderSegment.VAYOTS_DZOR_EAST);
        assertThat(gazetteer.resolve("in the Kalbajar and Zangilan directions").segments())
                .containsExactly(BorderSegment.GEGHARKUNIK, BorderSegment.SYUNIK_EAST);
    }

    @Test
    void aRussianAdjectiveOfAPlaceMatchesInEveryCase() {
        for (String text : List.of("в направлении Губадлинского района", "в Губадлинском районе",
                "Губадлинский район", "по Кубатлинскому району")) {
            assertThat(gazetteer.find(text)).as(text).singleElement().extracting(m -> m.place().id())
                    .isEqualTo("gubadli");
        }
        // the adjective's stem is no name of its own: "Губадлин" is not a case of it
        assertThat(gazetteer.find("Губадлин")).isEmpty();
    }

    @Test
    void tegInRussianIsTeghButTheLowerCaseWordIsATag() {
        assertThat(gazetteer.find("в районе села Тег")).extracting(m -> m.place().id()).containsExactly("tegh");
        assertThat(gazetteer.find("у села Тега")).extracting(m -> m.place().id()).containsExactly("tegh");
        assertThat(gazetteer.find("в теге статьи")).isEmpty();
    }

    @Test
    void aShortNameInLowerCaseIsAnOrdinaryWord() {
        assertThat(gazetteer.find("units began to dig trenches")).isEmpty();
        assertThat(gazetteer.find("fire from Dığ")).extracting(m -> m.place().id()).containsExactly("tegh");
    }

    @Test
    void aVillageOfAnAmbiguousDistrictStaysAmbiguous() {
        PlaceResolution r = gazetteer.resolve("positions near Zamanli");
        assertThat(r.ambiguous()).isTrue();
        assertThat(r.segments()).containsExactly(BorderSegment.TAVUSH, BorderSegment.GEGHARKUNIK);
        assertThat(gazetteer.resolve("from Chambarak towards Zamanli").segments())
                .containsExactly(BorderSegment.GEGHARKUNIK);
    }

    @Test
    void tavushAndTovuzAreDifferentPlacesFacingTheSameSegment() {
        List<PlaceMention> mentions = gazetteer.find("Tavush and Tovuz");
        assertThat(mentions).extracting(m -> m.place().id()).containsExactly("tavush", "tovuz");
        assertThat(mentions).allSatisfy(m -> assertThat(m.place().segments()).containsExactly(BorderSegment.TAVUSH));
    }

    @Test
    void zangezurIsSyunikButEastZangezurIsNot() {
        assertThat(gazetteer.resolve("in Zangezur").segments())
                .containsExactly(BorderSegment.SYUNIK_EAST, BorderSegment.SYUNIK_WEST);
        PlaceResolution east = gazetteer.resolve("in East Zangezur");
        assertThat(east.ambiguous()).isTrue();
        assertThat(east.segments()).doesNotContain(BorderSegment.SYUNIK_WEST);
    }

    @Test
    void aProvinceAloneIsOneOfItsSegmentsForAnEventButAllOfThemForAnArea() {
        PlaceResolution event = gazetteer.resolve("fired at our positions in Syunik");
        assertThat(event.segments()).containsExactly(BorderSegment.SYUNIK_EAST, BorderSegment.SYUNIK_WEST);
        assertThat(event.ambiguous()).isTrue();
        PlaceResolution area = gazetteer.resolveArea(gazetteer.find("patrols in Syunik"));
        assertThat(area.segments()).containsExactly(BorderSegment.SYUNIK_EAST, BorderSegment.SYUNIK_WEST);
        assertThat(area.ambiguous()).isFalse();
        // an ambiguous region stays "one of" even as an area: the text does not say which
        assertThat(gazetteer.resolveArea(gazetteer.find("the Nakhchivan direction")).ambiguous()).isTrue();
    }

    @Test
    void aSpecificPlacePicksTheProvincesSegment() {
        PlaceResolution r = gazetteer.resolve("near Goris, Syunik");
        assertThat(r.segments()).containsExactly(BorderSegment.SYUNIK_EAST);
        assertThat(r.ambiguous()).isFalse();
    }

    @Test
    void severalProvincesWithNothingInCommonAreAFront() {
        PlaceResolution r = gazetteer.resolve("in Tavush, Gegharkunik and Syunik");
        assertThat(r.segments()).containsExactly(BorderSegment.TAVUSH, BorderSegment.GEGHARKUNIK,
                BorderSegment.SYUNIK_EAST, BorderSegment.SYUNIK_WEST);
        assertThat(r.ambiguous()).isFalse();
        PlaceResolution two = gazetteer.resolve("in Syunik and Vayots Dzor");
        assertThat(two.segments()).hasSize(4);
        assertThat(two.ambiguous()).isFalse();
    }

    @Test
    void regionsNamedTogetherMeanWhereTheyMeet() {
        PlaceResolution r = gazetteer.resolve("units in Syunik fired at our positions in the Nakhchivan direction");
        assertThat(r.segments()).containsExactly(BorderSegment.SYUNIK_WEST);
        assertThat(r.ambiguous()).isFalse();
        assertThat(gazetteer.resolve("from Vayots Dzor towards Nakhchivan").segments())
                .containsExactly(BorderSegment.VAYOTS_DZOR_WEST);
    }

    @Test
    void theNakhchivanDirectionIsOneOfThreeSegments() {
        PlaceResolution r = gazetteer.resolve("positions in the Nakhchivan direction");
        assertThat(r.ambiguous()).isTrue();
        assertThat(r.segments()).containsExactly(BorderSegment.ARARAT, BorderSegment.VAYOTS_DZOR_WEST,
                BorderSegment.SYUNIK_WEST);
    }

    @Test
    void aSpecificPlaceMakesTheRegionAroundItContext() {
        PlaceResolution r = gazetteer.resolve("the Sadarak region of the Nakhchivan Autonomous Republic");
        assertThat(r.segments()).containsExactly(BorderSegment.ARARAT);
        assertThat(r.ambiguous()).isFalse();
        assertThat(gazetteer.resolve("Khnatsakh settlement of Syunik").segments())
                .containsExactly(BorderSegment.SYUNIK_EAST);
    }

    @Test
    void theStateBorderAlongItsEntireLengthIsTheWholeFront() {
        PlaceResolution r = gazetteer.resolve("equipment moved towards the state border along its entire length");
        assertThat(r.segments()).containsExactlyInAnyOrderElementsOf(
                gazetteer.resolve("along the entire border").segments());
        assertThat(r.segments()).hasSize(7).doesNotContain(BorderSegment.LACHIN_CORRIDOR, BorderSegment.KARABAKH);
        assertThat(r.ambiguous()).isFalse();
        // "along its length" alone names no border: a road or a river has a length too
        assertThat(gazetteer.resolve("repairs along its entire length").resolved()).isFalse();
    }

    @Test
    void theLongestNameWins() {
        assertThat(gazetteer.resolve("at the Lachin border checkpoint").segments())
                .containsExactly(BorderSegment.LACHIN_CORRIDOR);
        assertThat(gazetteer.resolve("in the direction of Lachin").segments())
                .containsExactly(BorderSegment.SYUNIK_EAST);
    }

    @Test
    void unknownPlacesAreUnresolvedNotGuessed() {
        PlaceResolution r = gazetteer.resolve("near an unnamed hill by the river");
        assertThat(r.segments()).containsExactly(BorderSegment.UNRESOLVED);
        assertThat(r.resolved()).isFalse();
        assertThat(r.resolvedSegments()).isEmpty();
    }

    @Test
    void wordsAreMatchedWholeNotInsideOtherWords() {
        assertThat(gazetteer.find("Kutaisi and Berdyansk and Vedic texts")).isEmpty();
    }

    @Test
    void cyrillicAndArmenianNamesMatchWithInflection() {
        assertThat(gazetteer.resolve("в Лачинском направлении").segments()).containsExactly(BorderSegment.SYUNIK_EAST);
        assertThat(gazetteer.resolve("Սյունիքի մարզում").segments())
                .containsExactly(BorderSegment.SYUNIK_EAST, BorderSegment.SYUNIK_WEST);
    }

    /** The Armenian side's border villages in Armenian script, with an inflected last word ("Վերին Շորժա գյուղի"). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Վերին Շորժա գյուղի մոտակայքում    | verin-shorzha",
            "Ներքին Շորժայի ուղղությամբ        | nerkin-shorzha",
            "Ծովակ գյուղում                   | tsovak",
            "Կեչուտի մոտ                      | kechut",
            "Զանգակատունից                    | zangakatun",
            "Պարույր Սևակ գյուղում             | paruyr-sevak",
            "Ներքին Կարմիրաղբյուր գյուղի       | nerkin-karmiraghbyur",
            "Սրաշենի                          | srashen"})
    void armenianScriptNamesOfTheBorderVillages(String text, String id) {
        assertThat(gazetteer.find(text)).singleElement().extracting(m -> m.place().id()).isEqualTo(id);
    }

    /** The q-form of the Armenian ք ("Sotq", "Berqaber"), which statements use beside the k-form. */
    @Test
    void everyArmenianPlaceWithAQInItsArmenianNameHasItsQForm() {
        assertThat(gazetteer.places()).filteredOn(p -> p.country().equals("AM")
                        && p.aliases().getOrDefault("hy", List.of()).stream().anyMatch(n -> n.contains("ք")))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.aliases().getOrDefault("en", List.of())).as(p.id())
                        .anyMatch(n -> n.contains("q")));
    }

    @Test
    void everyArmenianBorderVillageHasItsArmenianName() {
        assertThat(gazetteer.places()).filteredOn(p -> p.country().equals("AM") && p.kind() == PlaceKind.VILLAGE
                        // Արփա is also the river; Zarkand is only the Azerbaijani usage for a village named otherwise
                        && !p.id().equals("arpa") && !p.id().equals("zarkand"))
                .allSatisfy(p -> assertThat(p.aliases()).as(p.id()).containsKey("hy"));
    }

    @Test
    void anEndingStaysInsideTheLastWord() {
        // "Горис, Сотк" is not Goris with the ending " сотк": each of the three places is found
        assertThat(gazetteer.find("направления Горис, Сотк и Джермук")).extracting(m -> m.place().id())
                .containsExactly("goris", "sotk", "jermuk");
    }

    @Test
    void theBorderNamedAsAWholeIsOnlyAnAreaCoveredAndOnlyAlone() {
        List<PlaceMention> whole = gazetteer.find("patrols along the Armenia-Azerbaijan border observed no violations");
        assertThat(gazetteer.resolveArea(whole).segments()).hasSize(7).doesNotContain(BorderSegment.LACHIN_CORRIDOR);
        assertThat(gazetteer.resolve(whole).segments()).containsExactly(BorderSegment.UNRESOLVED);
        assertThat(gazetteer.resolveArea(gazetteer.find("patrols near Sotk along the Armenia-Azerbaijan border"))
                .segments()).containsExactly(BorderSegment.GEGHARKUNIK);
    }

    @Test
    void searchFindsByAnyAlias() {
        assertThat(gazetteer.search("digh")).extracting(Place::id).containsExactly("tegh");
        assertThat(gazetteer.search("")).hasSize(gazetteer.places().size());
    }

    @Test
    void everyPlaceHasANameAndAtLeastOneSegmentAndCoordinatesAreOnTheMap() {
        assertThat(gazetteer.places()).hasSizeGreaterThan(50).allSatisfy(p -> {
            assertThat(p.name()).isNotBlank();
            assertThat(p.segments()).isNotEmpty().doesNotContain(BorderSegment.UNRESOLVED);
            if (p.lat() != null) {
                assertThat(p.lat()).isBetween(38.0, 42.0);
                assertThat(p.lon()).isBetween(44.0, 47.5);
            }
        });
        assertThat(gazetteer.places().stream().flatMap(p -> p.segments().stream()).distinct())
                .containsAll(Arrays.stream(BorderSegment.values()).filter(BorderSegment::isResolved).toList());
    }

    @Test
    void aNameUsedByTwoPlacesIsRefused() {
        Place a = new Place("a", "Alpha", "AM", PlaceKind.VILLAGE, List.of(BorderSegment.TAVUSH), false,
                Map.of("en", List.of("Same")), null, null, null, null);
        Place b = new Place("b", "Beta", "AM", PlaceKind.VILLAGE, List.of(BorderSegment.ARARAT), false,
                Map.of("en", List.of("SAME")), null, null, null, null);
        assertThatThrownBy(() -> new Gazetteer(List.of(a, b))).hasMessageContaining("used by both a and b");
    }
}
