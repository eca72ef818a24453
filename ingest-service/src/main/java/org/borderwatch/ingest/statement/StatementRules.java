package org.borderwatch.ingest.statement;

import org.borderwatch.common.model.EventType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The English phrasings the extractor recognises, in one place so they can be read and extended together. */
final class StatementRules {

    /** English rules: ASCII case folding is enough and much cheaper than Unicode case folding. */
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;

    private StatementRules() {
    }

    static Pattern p(String regex) {
        return Alternations.compile(regex, FLAGS);
    }

    /** A pattern whose every alternative starts a word: the leading \\b lets the matcher skip mid-word positions. */
    static Pattern words(String regex) {
        return Alternations.compile("\\b(?:" + regex + ")", FLAGS);
    }

    /**
     * An id a text cites: a link to another statement, or a report id (a UUID). Trailing punctuation is not part of
     * a link.
     */
    static final Pattern CITED_ID = p("https?://[^\\s\"'<>()]+[^\\s\"'<>().,;:!?]|"
            + "\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");

    /** A party's statement that something did not happen. */
    static final Pattern DENIAL = words("does\\s+not\\s+correspond\\s+to\\s+(?:the\\s+)?reality|"
            + "do\\s+not\\s+correspond\\s+to\\s+(?:the\\s+)?reality|\\bdisinformation\\b|\\bmisinformation\\b|"
            + "\\b(?:is|are|was|were)\\s+(?:(?:also|likewise|equally|again|similarly|absolutely|completely|"
            + "entirely|totally|utterly|simply)\\s+){0,2}(?:false|untrue|groundless|baseless)\\b|"
            + "false\\s+information|\\bnot\\s+true\\b|\\brefut(?:e|es|ed|ing)\\b|\\bden(?:y|ies|ied)\\b|"
            // a denial by ridicule: "another fairy tale", "we can only admire the imagination of its authors", "the
            // stories that the Armenian side composes", "a figment of imagination"
            + "\\bfairy[\\s-]?tales?\\b|\\bfantas(?:y|ies)\\b|\\bfigments?\\s+of\\b|\\bfictitious\\b|\\bwork\\s+of\\s+fiction\\b|"
            + "\\bimagination\\s+of\\s+(?:its|their|the|his|her)\\s+(?:authors?|writers?|creators?)\\b|"
            + "\\b(?:invented|made-up|concocted)\\s+(?:stories|story|reports?|claims?|incidents?)\\b|"
            + "\\bstories\\s+(?:that|which)\\s+(?:[\\w'’-]+\\s+){1,4}?(?:composes?|composed|invents?|invented|concocts?|"
            + "concocted|makes\\s+up|made\\s+up|spins?|spun)\\b|"
            + "\\bgroundless\\b|\\bbaseless\\b|\\bunfounded\\b|\\bfabricat\\w++(?!\\s+(?:criminal\\s+)?(?:charges?|cases?|indictments?|proceedings|trials?|verdicts?|sentences?)\\b)|\\bfake\\b|\\bpretext\\b|\\blies\\b(?!\\s+(?:with|in|on|upon|at|behind|ahead|within|entirely|solely|fully|squarely))|"
            + "\\b(?:a|another|yet\\s+another|one\\s+more|an\\s+outright|a\\s+blatant|a\\s+new)\\s+lie\\b|not\\s+correspond\\s+to\\s+(?:the\\s+)?(?:truth|facts)|\\buntruthful\\b|"
            + "\\b(?:reject(?:s|ed)?|dismiss(?:es|ed)?)\\s+(?:[\\w'’-]+\\s+){0,5}?(?:claims?|allegations?|accusations?|reports?|"
            + "information|statements?)|\\bcategorically\\s+reject\\w*|"
            + "\\b(?:does|do|did)\\s+not\\s+reflect\\s+(?:the\\s+)?(?:reality|truth|facts)|"
            + "\\b(?:has|have|had)\\s+nothing\\s+(?:to\\s+do\\s+)?with\\s+(?:the\\s+)?(?:reality|truth)|"
            + "\\bno\\s+such\\s+(?:incidents?|events?|shooting|firing|fire|shelling|attacks?|provocations?|things?|"
            + "cases?)\\s+(?:took\\s+place|has\\s+taken\\s+place|happened|occurred|was\\s+recorded|were\\s+recorded)|"
            + "\\bdevoid\\s+of\\s+(?:any\\s+)?(?:basis|truth|foundation)|\\bfalse\\s+(?:claims?|reports?|allegations?|"
            + "accusations?|statements?)|\\bdistort\\w*\\s+(?:the\\s+)?(?:facts|reality|truth)|"
            // "are a distortion of reality", "a gross distortion of the facts"; "did not take any offensive action"
            + "\\bdistortions?\\s+of\\s+(?:the\\s+)?(?:facts|reality|truth|events)\\b|"
            + "\\b(?:did|do|does|has|have|had)\\s+not\\s+(?:take|taken|undertake|undertaken|carry\\s+out|carried\\s+out|"
            + "conduct|conducted|launch|launched)\\s+(?:any\\s+)?(?:offensive|hostile|military|combat)\\s+"
            + "(?:actions?|operations?|steps)\\b|"
            + "\\bnever\\s+(?:opened\\s+)?fired?\\b|\\b(?:is|are|was|were)\\s+(?:absolutely\\s+|completely\\s+|simply\\s+)?"
            + "(?:absurd|nonsense|ridiculous)\\b|\\bmislead\\w*\\s+(?:the\\s+)?(?:public|international|world|society|"
            + "community|media|audience)|\\b(?:is|was|are|were)\\s+(?:a\\s+)?(?:staged|montage|doctored|a\\s+montage)\\b|did\\s+not\\s+(?:shoot|shell|attack)\\b|"
            + "did\\s+not\\s+(?:open\\s+)?fire|has\\s+not\\s+(?:opened\\s+)?fire|have\\s+not\\s+(?:opened\\s+)?fire|"
            + "\\b(?:did|do|does|has|have|had)\\s+not\\s+violat\\w*\\s+(?:the\\s+)?cease-?fire|\\bnever\\s+violat\\w*\\s+(?:the\\s+)?cease-?fire|"
            // whose fire is denied must be said: "no shots were fired from Armenian positions"; a bare "no shots have
            // been fired" after the other side's incursion says only that it was without fire
            + "no\\s+(?:shots|fire)\\s+(?:was|were|has\\s+been|have\\s+been)\\s+(?:fired|opened)\\s+(?:from|by)\\b|"
            // a denial put as questions: "why would Armenian servicemen open fire on a calm section?", "does the
            // Azerbaijani side really expect partners to take such reports seriously?"
            + "\\bwhy\\s+would\\s+(?:our|the\\s+)?(?:armenian\\s+|azerbaijani\\s+)?(?:servicemen|soldiers|units|forces|troops|"
            + "side|army)\\s+(?:open\\s+fire|fire|shoot|shell|attack)\\b|"
            + "\\b(?:expect|expects|believe|believes|think|thinks)\\s+(?:[\\w'’-]+\\s+){0,5}?(?:to\\s+)?take\\s+(?:such|these|this|"
            + "those|its|their|the)\\s+(?:\\w+\\s+)?(?:reports?|claims?|allegations?|accusations?|statements?)\\s+seriously\\b");

    /**
     * An event named only as what others report ("following with concern the reports of renewed shooting near
     * Sadarak", "concerned about reports of attacks"): a third party that says no more does not say it happened. Up
     * to the end of the clause.
     */
    /**
     * Others' reports of an event called alleged ("reports about alleged shooting from Armenian positions", "claims of
     * supposed fire on its villages"): the event is theirs, not told as having happened. Who put the report about may
     * stand between ("the claim spread by the Armenian side about an alleged shooting", "reports circulated in
     * Azerbaijani media of so-called shelling").
     */
    static final Pattern ALLEGED_REPORTS = p("\\b(?:reports?|news|information|accounts?|claims?|statements?|stories)\\s+"
            + "(?:(?:spread|circulated|disseminated|made|published|voiced|issued|released)\\s+(?:by|in|on)\\s+"
            + "(?:[\\w'’-]+\\s+){1,5}?)?"
            + "(?:of|about|on|that)\\s+(?:(?:the|an?|their|its)\\s+)?(?:alleged(?:ly)?|supposed(?:ly)?|so-called|purported(?:ly)?"
            + "|fictitious|invented)\\b[^.;:!?]*+");

    /**
     * Others' reports of an event, up to the end of their clause: "the reports of renewed shooting near Sadarak", and
     * what they list after a comma ("reports of attacks along the border, including reported strikes on settlements");
     * and an act called "reported" or "alleged" ("concerned at the reported strikes on Jermuk").
     */
    static final Pattern REPORTS_OF = p("\\b(?:(?:the\\s+)?(?:reports?|news|information|accounts?)\\s+(?:of|about|on|that)\\b"
            + "|(?<=\\b(?:the|these|such|of|about|on|over|at|by|including|and|any|new|renewed|further)\\s{1,3})"
            + "(?:reported|alleged)\\s+(?=\\p{L}))[^.;,:!?]*+"
            + "(?:,\\s*+(?:including|in\\s+particular|notably|such\\s+as)\\b[^.;,:!?]*+)*+");

    /**
     * An observer's alarm or concern at an event itself ("is alarmed by the military action that Azerbaijan started",
     * "deeply concerned by the offensive that …", "condemns the shelling of …"), not at others' reports or claims of it.
     */
    static final Pattern OWN_CONCERN = p("\\b(?:(?:is|are|was|were|remains?)\\s+(?:deeply\\s+|gravely\\s+|very\\s+|extremely\\s+)?"
            + "(?:alarmed|concerned|shocked|dismayed|troubled|saddened)\\s+(?:by|at|about|over)|condemns|deplores)\\s+"
            + "(?!(?:the\\s+|these\\s+|such\\s+)?(?:reports?|news|information|accounts?|claims?|allegations?|statements?|"
            + "assertions?|rumou?rs?)\\b)");

    /** What others say: "reports / claims / the statement of … that …" up to the end of the clause. */
    static final Pattern HEARSAY = p("\\b(?:the\\s+)?(?:reports?|news|information|accounts?|claims?|allegations?|statements?|"
            + "assertions?)\\s+(?:of|about|on|that|by|from)\\b[^.;,:!?]*+");

    /**
     * Who made the reports an observer mentions: "After reports by the State Border Service of Azerbaijan of fatal
     * gunfire …" — "reports / claims / statements … by / from", then the reporter up to "of / about / on / that" before
     * a lower-case word (what was reported) or the end of the clause. The reporter is not the actor.
     */
    static final Pattern REPORTS_BY = p("\\b(?:reports?|news|information|accounts?|claims?|allegations?|statements?)\\s+"
            + "(?:by|from)\\s+(?:(?!(?:of|about|on|that)\\s+(?-i:[a-z]))[^.;,:!?\\s]+(?:\\s+|(?=[.;,:!?]))){1,10}?"
            + "(?=(?:of|about|on|that)\\s+(?-i:[a-z])|[.;,:!?])");

    /** A relayed accusation: "Azerbaijan accused Armenian forces of opening fire". */
    static final Pattern ACCUSED_OF = p("\\baccus(?:ed|es|ing)\\s+(?:[\\w'’-]+\\s+){1,5}?of\\s");
    /**
     * A relayed accusation in the wire agencies' words: "Armenia said on Thursday that Azerbaijani troops had fired on
     * its positions", "Baku says Armenian units shelled …": a verb of saying (a weekday after it allowed), then at
     * most five words naming who fired (not "claims / reports / that …", which relay a statement about a statement),
     * then fire.
     */
    static final Pattern SAID_FIRED = p("\\b(?:said|says|stated|reported|announced|alleged|claimed|charged)"
            + "(?:\\s+(?:on|late\\s+on|early\\s+on)\\s+\\w+)?,?(?:\\s+that)?\\s+"
            + "(?:(?!(?:claims?|allegations?|reports?|statements?|accusations?|information|that|it|its|their|our|we|they)\\b)"
            + "[\\w'’-]+\\s+){1,5}?(?:had\\s+|have\\s+|has\\s+)?(?:fired|opened\\s+fire|shelled|attacked|"
            // "Azerbaijan said an Armenian sniper wounded one of its soldiers" (`ch-i73-03`)
            + "wounded|killed|injured)\\b");

    /**
     * A relay's verb of saying and its "that": "said that", "said in a statement that", "told APA that", "said on
     * Tuesday night that" (the clause after it is what the relayed body says).
     */
    static final Pattern SAID_THAT = p("\\b(?:said|says|stated|reported|announced|told\\s+[\\p{L}-]+(?:\\s+[\\p{L}-]+)?)"
            + "(?:\\s+in\\s+a\\s+statement)?(?:\\s+(?:on|late\\s+on|early\\s+on)\\s+\\w+"
            + "(?:\\s+(?:night|evening|morning|afternoon))?)?,?\\s+that\\s");

    /** In a relayed "that" clause: a claim or report of an event rather than the event, or a negation. */
    static final Pattern CLAIM_OR_NOT = p("\\b(?:claims?|allegations?|reports?|statements?|accusations?|information|"
            + "version|not|never|no|none|nothing)\\b|n['’]t\\b");

    /**
     * The other side's excuse opening the sentence that denies it: "The claim of the Armenian side that he was a
     * smuggler is a fabrication" (`h95-06`) — what is denied is the excuse, not the event told before it.
     */
    static final Pattern SIDE_EXCUSE = p("^\\W*(?:the\\s+|this\\s+)?(?:claims?|assertions?|allegations?|versions?)\\s+of\\s+"
            + "the\\s+(?:armenian|azerbaijani)\\s+side\\s+that\\b");

    /**
     * A wire's note after the relayed accusation that the other side denied it, up to the denial word: "…, the
     * ministry said, a claim Yerevan denied", "…, an accusation Armenia rejected" (`h77-17`).
     */
    static final Pattern DENIED_CLAIM_TAIL = p(",\\s+(?:a|an)\\s+(?:claim|accusation|allegation|charge|version)\\s+"
            + "(?:(?:that|which)\\s+)?(?:[\\p{L}'’-]+\\s+){1,4}?$");

    /** An accusing verb right before a side's forces: "Baku on Thursday accused Armenian units of shelling …". */
    static final Pattern ACCUSE_BEFORE = p("\\b(?:accus(?:ed|es|ing)|blam(?:ed|es|ing))\\s+(?:the\\s+)?$");

    /** "… of shelling", "… for the shelling", "… on Monday of firing": what the accused side is said to have done. */
    static final Pattern OF_ACT_AFTER = p("\\s+(?:(?:on\\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
            + "today|yesterday)\\s+)?(?:of|for)\\s+(?:the\\s+)?(?:opening\\s+fire|fir|shell|attack|shoot|strik|"
            + "violat|provok|provocation|launch)\\w*");

    /**
     * A wire report's attribution at the end of the sentence that tells the event ("Four servicemen … were killed when
     * Azerbaijani forces opened fire …, the Defence Ministry said."): the agency relays that side's accusation.
     */
    static final Pattern ATTRIBUTED_LAST = p(",\\s+(?:the\\s+)?(?:[\\p{L}'’-]+\\s+){0,5}?(?:said|says|reported|announced|"
            + "stated|claimed)(?:\\s+(?:on|late\\s+on|early\\s+on)\\s+\\w+)?\\s*\\.?\\s*$");

    /**
     * A wire's attribution in the middle of the sentence that tells the event, a clause of the wire's own after it: "Two
     * Azerbaijani soldiers were killed … when Armenian forces shelled their positions …, Baku's defence ministry said, in
     * the deadliest incident on the border in more than two years." (`h94-18`). The words before it are the relayed event.
     */
    static final Pattern ATTRIBUTED_MID = p(",\\s+(?:the\\s+)?(?:[\\p{L}'’-]+\\s+){0,5}?(?:said|says|reported|announced|"
            + "stated|claimed)(?:\\s+(?:on|late\\s+on|early\\s+on)\\s+\\w+)?,\\s+(?!that\\b)[^;]*$");

    /**
     * An observer saying it did not watch somewhere: "had no patrols in the Meghri area", "no patrols were deployed
     * there", "was not present", "is unable to comment on the reports concerning Agarak". Its places are not its
     * coverage.
     */
    static final Pattern NOT_WATCHED = words("(?:had|has|have)\\s+no\\s+(?:patrols?|monitors|presence|observers)\\b|"
            + "no\\s+patrols?\\s+(?:was|were|had\\s+been|has\\s+been)\\s+(?:deployed|present|conducted)|"
            + "(?:was|were|is|are)\\s+not\\s+(?:present|deployed)\\b|did\\s+not\\s+patrol\\b|"
            + "(?:unable|not\\s+able|not\\s+in\\s+a\\s+position)\\s+to\\s+comment\\b|(?:cannot|could\\s+not)\\s+comment\\b");

    /** Could not confirm what was reported: "could not confirm the reported incidents", "unable to verify the reports". */
    private static final String COULD_NOT_VERIFY = "(?:(?:could|can|did|does|has|have|had)\\s+not|cannot|"
            + "(?:unable|not\\s+(?:been\\s+)?able)\\s+to)\\s+"
            + "(?:be\\s+able\\s+to\\s+)?(?:confirm|verify|corroborate|substantiate)(?:ed)?\\s+(?:any\\s+of\\s+)?(?:the\\s+|any\\s+|these\\s+|"
            + "those\\s+|such\\s+)?(?:(?:reported|alleged|claimed)\\s+)?(?:incidents?|reports?|claims?|allegations?|shooting|"
            + "firing|shelling|fire|violations?|attacks?|information)\\b";

    /** An observer saying it saw nothing. */
    static final Pattern OBSERVED_NOTHING = words("(?:observed|recorded|registered|saw|heard)\\s+no\\b|"
            // "saw nothing", "heard nothing", "nothing was observed" (not "nothing unusual" alone: below)
            + "(?:observed|saw|heard|noticed|recorded)\\s+nothing\\b|nothing\\s+(?:was|were|could\\s+be)\\s+"
            + "(?:observed|seen|heard|noticed)\\b|"
            // "neither saw nor heard any gunfire", "saw nor heard"
            + "neither\\s+(?:saw|observed|heard|recorded|noticed)\\s+nor\\s+(?:saw|observed|heard|recorded|noticed)\\b|"
            // "no incidents", and with up to two words naming their kind: "No security incidents observed", "no
            // shooting incidents", "no serious violations"
            + "\\bno\\s+(?:(?:[\\w-]+\\s+){0,2}?(?:incidents?|violations?)\\b|shooting|"
            + "firing|(?:ceasefire\\s+)?(?:violations?|breach(?:es)?)|unusual\\s+activity|signs\\s+of)|"
            + "\\bno\\s+(?:[\\w-]+\\s+){1,5}?(?:was|were|has\\s+been|have\\s+been)\\s+(?:observed|recorded|registered|"
            + "seen|noted|heard)|(?:did|has|have|had)\\s+not\\s+(?:observe|observed|see|seen|record|recorded|"
            + "witness|witnessed|hear|heard)|"
            + "\\bnot\\s+observed\\b|nothing\\s+unusual|(?:monitoring|patrols?|patrolling|observation)\\b[^.;]{0,60}?\\b(?:passed|proceeded|"
            + "went|conducted|took\\s+place)\\s+without\\s+(?:any\\s+)?(?:incidents?|violations?)|(?:situation|border)\\s+(?:remained|was|is)\\s+(?:calm|quiet|stable)|"
            + "(?:did|has|have|had)\\s+not\\s+(?:detect|detected|register|registered|note|noted)|"
            + "found\\s+no\\s+(?:evidence|signs?|traces?)|\\bno\\s+(?:evidence|traces?)\\s+of|"
            // sent to look and finding nothing to confirm: "patrols deployed to these areas could not confirm the
            // reported incidents" (not a detail of what it saw: "could not confirm the origin of the fire")
            + COULD_NOT_VERIFY);

    /**
     * An observer that could not look: "Our teams have no access to this area and were unable to verify the reported
     * incidents", "could not verify the reports as it could not reach the village" (`h56-13`). It observed nothing, so
     * its "unable to verify" is no refutation (blanked before the stance is read); a patrol that looked and could not
     * confirm still refutes.
     */
    private static final String NO_ACCESS = "(?:have|has|had)\\s+no\\s+access\\b|\\bno\\s+access\\s+(?:to|was)\\b|"
            + "(?:was|were)\\s+(?:denied|refused)\\s+access\\b|(?:could\\s+not|cannot|can\\s+not|did\\s+not|"
            + "(?:unable|not\\s+(?:been\\s+)?able)\\s+to)\\s+(?:reach|access|enter|get\\s+to|travel\\s+to)\\b";
    static final Pattern UNVERIFIED_WITHOUT_ACCESS = words("(?:" + NO_ACCESS + ")[^.;]{0,120}?\\b" + COULD_NOT_VERIFY
            + "|" + COULD_NOT_VERIFY + "[^.;]{0,80}?\\b(?:" + NO_ACCESS + ")");

    /**
     * Passage prevented, told by those it stops: "the ICRC has not been able to bring humanitarian aid … through the
     * Lachin corridor", "our teams can no longer carry out medical evacuations across the Hakari bridge", "unable to
     * cross the Hakari bridge". A closure ({@code BLOCKADE}); an observer telling it of itself confirms it.
     */
    private static final String OBSTRUCTED = "(?:unable|not\\s+(?:been\\s+)?able|no\\s+longer\\s+(?:be\\s+)?able|cannot|"
            + "can\\s+no\\s+longer|could\\s+not)\\s+(?:to\\s+)?(?:(?:[\\w-]+\\s+){1,10}?(?:through|across|via|along)|pass|"
            + "cross|use)\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?(?:corridor|road|bridge|checkpoint|route)s?\\b";

    /**
     * An observer that says it can say neither way: "is not in a position to either confirm or refute the reports",
     * "can neither confirm nor deny", "unable to confirm or deny". Its "confirm" is no confirmation (blanked first).
     */
    static final Pattern CONFIRM_OR_REFUTE = words("(?:not\\s+in\\s+a\\s+position|unable|not\\s+able|"
            + "cannot|can\\s+not|could\\s+not|can\\s+neither|could\\s+neither)\\s+(?:to\\s+)?(?:either\\s+)?"
            + "confirm\\s+(?:or|nor)\\s+(?:refute|deny|disprove|rule\\s+out)\\b");

    /**
     * Fire or blasts heard: "heard gunfire", "heard a single shot", "heard several bursts of gunfire", "heard what sounded like explosions" (up
     * to four words between, none of them "no / any / nothing" nor "about / that / reports / claims …": hearsay), "reported hearing shots", "shots were heard". Not "did
     * not hear …", "heard no shots", "neither saw nor heard any gunfire"; "gunfire heard by a Mission patrol" is the
     * observer's hearing too.
     */
    private static final String HEARD = "(?<!\\bnot\\s)(?<!\\bnor\\s)(?<!\\bnever\\s)(?:heard|hearing)\\s+"
            + "(?:(?!(?:no|any|nothing|none|about|that|reports?|claims?|allegations?|accounts?|news|rumou?rs?)\\b)"
            + "[\\w-]+\\s+){0,4}?(?:shots?|gunfire|gunshots?|shooting|shelling|firing|fire|"
            + "explosions?|bursts|impacts?|detonations?|blasts?)\\b|"
            + "\\b(?:shots?|gunfire|gunshots?|shooting|shelling|firing|explosions?|detonations?|blasts?|bursts\\s+of\\s+[\\w-]+)"
            + "\\s+(?:was|were|could\\s+be)\\s+heard\\b|"
            // the observer's own hearing named by a participle: "the bursts of gunfire heard by a Mission patrol near Kut
            // were heard in the late evening of 7 May, not 6 May" (`h56-12`), "the impacts of several mortar rounds heard
            // by a Mission patrol near Kut" (`h99-18`: up to three words after "of")
            + "\\b(?:shots?|gunfire|gunshots?|shooting|shelling|firing|explosions?|detonations?|blasts?|"
            + "(?:bursts|impacts?)\\s+of\\s+(?:[\\w-]+\\s+){0,2}?[\\w-]+)"
            + "\\s+heard\\s+by\\s+(?:an?\\s+|the\\s+|its\\s+|our\\s+)?(?:[\\w-]+\\s+){0,2}?(?:patrols?|monitors?|observers?|"
            + "teams?|mission)\\b";

    /** An observer's own hearing of fire or blasts (see {@link #HEARD}): an event even without a weapon named. */
    static final Pattern HEARD_EVENT = words(HEARD);

    /**
     * What an observer that heard fire did not see: "did not see who fired", "saw nothing", "did not observe the
     * source", "nothing was observed visually". In the sentence that tells the hearing it is a detail of it, not a
     * "saw nothing" that refutes (the hearing says something happened; the not-seeing says only that it was not seen).
     */
    static final Pattern NOT_SEEN = words("(?:did|could|has|have|had|was|were)\\s+not\\s+(?:been\\s+able\\s+to\\s+|be\\s+able\\s+to\\s+)?"
            + "(?:see|seen|observe|observed|witness|witnessed|notice|noticed)\\b|(?:saw|observed|noticed)\\s+nothing\\b|"
            + "(?:saw|observed|noticed)\\s+no\\s+(?:[\\w-]+\\s+){0,2}?(?:movements?|damage|impacts?|activity|one|people|personnel|"
            + "shooters?|source|origin|flashes|smoke)\\b|nothing\\s+(?:was|were|could\\s+be)\\s+(?:observed|seen|noticed)\\b");

    /**
     * The border named bare, the definite border with no place after it: "Mission patrols along the border observed no
     * security incidents" (`h87-34`, `ch-i78-09`…`-11`), "on the border", "the border areas". For an observer whose
     * text names no other place it is the border as a whole; "along the border with Nakhchivan", "the border near Kut",
     * "the border areas of Syunik", "at the border crossing", "on the border guards" name something else.
     */
    static final Pattern BARE_BORDER = words("(?:(?:along|on|at)\\s+the\\s+(?:state\\s+)?border|the\\s+border\\s+"
            + "(?:areas?|regions?|zones?))\\b"
            + "(?![\\s,]*(?:with|between|of|near|in|at|around|by|close|next|from|opposite|facing|outside|inside|north|south|"
            + "east|west|sections?|segments?|areas?|regions?|zones?|line|villages?|settlements?|crossings?|checkpoints?|"
            + "posts?|guards?|service|troops|units|positions)\\b)");

    /** An observer's own watch: its patrols or monitors ("Mission patrols along the border …", "monitoring the border"). */
    static final Pattern OWN_WATCH = words("patrol\\w*|monitor\\w*");

    /**
     * A closing remark that the fighting is over: "the situation calmed", "the situation in the area had stabilised",
     * "calm was restored", "the firing stopped". A part of the day next to it ("… calmed in the evening", "By evening
     * the situation had stabilised") says when it was over, not when the event was.
     */
    static final Pattern CALM = words("(?:situation|border|area|front(?:\\s+line)?|line\\s+of\\s+contact)\\b(?:\\s+[\\w-]+){0,4}?\\s+"
            // a degree word between: "remained relatively stable overnight" (`h84-28`, `ch-i78-07`)
            + "(?:calmed(?:\\s+down)?|(?:became|grew|was|were|is|remained)\\s+(?:(?:relatively|largely|generally|mostly|"
            + "comparatively|fairly|quite)\\s+)?(?:calm|calmer|quiet|quieter|stable)|quietened|quieted|"
            + "stabili[sz]ed|normali[sz]ed|returned\\s+to\\s+normal|(?:was|is|had\\s+been|has\\s+been)\\s+brought\\s+under\\s+control)\\b|"
            + "calm\\s+(?:was|has\\s+been|had\\s+been)\\s+restored\\b|calm\\s+returned\\b|"
            + "(?:fire|firing|shooting|shelling|gunfire|exchange\\s+of\\s+fire|clashes|fighting)\\s+(?:had\\s+|has\\s+|was\\s+)?"
            + "(?:stopped|ceased|subsided|died\\s+down|ended|halted)\\b");

    /**
     * A drone that struck: "attack / combat / kamikaze / FPV drone", "loitering munition", a drone that attacked, hit,
     * dropped, fired, destroyed …, fire "by / with / from a drone", "drone strike". Beside {@link #DRONE_FLIGHT} only such a
     * cue makes a {@code DRONE_STRIKE}.
     */
    static final Pattern DRONE_ATTACK = words("(?:attack|strike|combat|armed|kamikaze|fpv|suicide)\\s+(?:drones?|uavs?|"
            + "unmanned)|loitering\\s+munitions?|(?:drones?|uavs?|quadcopters?|unmanned\\s+aerial\\s+vehicles?)\\s+"
            // a negated act is none: "the drone dropped nothing", "did not drop anything", "fired no munitions"
            + "(?:[\\w-]+\\s+){0,10}?(?<!\\b(?:not|never)\\s)(?:attack\\w*|struck|strikes?|striking|hit|dropp\\w*|bomb\\w*|fired|"
            + "launched|explod\\w*|destroy\\w*|targeted|wounded|killed|damaged)\\b"
            + "(?!\\s+(?:nothing|anything|none|no\\b))|(?:by|with|using|from)\\s+(?:an?\\s+|the\\s+)?"
            + "(?:[\\w-]+\\s+){0,2}?(?:drones?|uavs?|quadcopters?)\\b|drone\\s+(?:strikes?|attacks?)\\b"
            // "an Armenian quadcopter tried to drop an explosive device on our positions" (not "drop leaflets"); the
            // drone's owner may stand between: "a quadcopter of the Armenian armed forces tried to drop …"
            + "|(?:drones?|uavs?|quadcopters?)\\s+(?:[\\w-]+\\s+){0,10}?drop\\s+(?:an?\\s+|the\\s+|its\\s+|two\\s+|several\\s+)?"
            + "(?:[\\w-]+\\s+){0,2}?(?:explosives?|grenades?|munitions?|bombs?|shells?|mines?|ordnance|payloads?)\\b"
            // … also when where it flew from and to stands between, further in the same sentence: "flew a quadcopter
            // from the direction of Zod settlement of Basarkechar region towards our positions in the Kalbajar district
            // and tried to drop an explosive device on them" (`h83-13`)
            + "|(?:drones?|uavs?|quadcopters?)\\b[^.;!?]{0,240}?\\b(?:tried|attempted|trying|attempting)\\s+to\\s+drop\\s+"
            + "(?:an?\\s+|the\\s+|its\\s+|two\\s+|several\\s+)?(?:[\\w-]+\\s+){0,2}?(?:explosives?|grenades?|munitions?|"
            + "bombs?|shells?|mines?|ordnance|payloads?)\\b");

    /**
     * A drone that only flew: "for the purpose of reconnaissance", "flew over the posts", "violated the airspace",
     * "was forced back by electronic warfare", "was spotted".
     */
    static final Pattern DRONE_FLIGHT = words("reconnaissance\\b|surveillance\\b|flew\\b|flights?\\b|flying\\s+over\\b|"
            + "overflew\\b|hover\\w*|airspace\\b|spotted\\b|forced\\s+(?:back|to\\s+land|to\\s+turn\\s+back)\\b|"
            + "electronic\\s+warfare\\b|jamm\\w*");

    /** A flight across the border: "violated the state border", "violated the airspace", "entered … airspace". */
    static final Pattern BORDER_VIOLATED = words("violat\\w*\\s+(?:the\\s+)?(?:[\\w'’-]+\\s+){0,2}?(?:state\\s+border|border|"
            + "airspace)\\b|(?:entered|intruded\\s+into|penetrated)\\s+(?:the\\s+)?(?:[\\w'’-]+\\s+){0,2}?airspace\\b");

    /** An observer or third party confirming. */
    static final Pattern CONFIRMS = words("(?<!(?<!\\b(?:able|position|ready|pleased|happy|can)\\s)\\bto\\s)\\bconfirm(?:s|ed|ing)?\\b|observed\\s+(?:an?\\s+|some\\s+)?"
            + "(?:(?:increased|intensive|intense|heavy|unusual|new)\\s+)?(?:shooting|firing|exchange|incidents?|shots|"
            + "gunfire|explosions?|military\\s+activity|movements?\\s+of|build-?up|troops|fortification|engineering|"
            + "construction|drones?)|"
            // people of a side seen at an activity: "observed Azerbaijani servicemen carrying out engineering works"
            + "(?:observed|saw|seen|noticed|noted|spotted)\\s+(?:the\\s+)?(?:[\\w'’-]+\\s+){0,3}?(?:servicem[ae]n|soldiers|"
            + "troops|personnel|units|forces|military|workers|crews?|teams?)\\s+(?:(?:who\\s+were|were|was)\\s+)?"
            + "(?:carrying\\s+out|conducting|performing|undertaking|doing|digging|building|constructing|installing|"
            + "erecting|setting\\s+up|laying|fortifying)\\b|" + HEARD + "|\\bwitnessed\\b|"
            + "recorded\\s+(?:one|two|three|several|an?)\\s+(?:shooting\\s+|firing\\s+)?incidents?\\b|"
            + "(?:saw|seen|observed|documented|recorded|noted|found|witnessed|registered|inspected|verified)\\s+(?:the\\s+)?"
            + "(?:(?:fresh|recent|visible|clear)\\s+)?(?:traces?|consequences|damage|impacts?|aftermath|craters?|"
            + "signs?|evidence|results?)\\s+(?:\\w+\\s+){0,2}?(?:of|from|by|caused\\s+by)\\s+(?:the\\s+)?(?:recent\\s+)?"
            + "(?:shelling|fire|firing|shooting|gunfire|shots|strikes?|explosions?|attacks?|artillery|mortar|drone)|"
            + "(?:saw|seen|observed|documented|recorded|noted|found|inspected)\\s+(?:the\\s+)?(?:fresh\\s+|recent\\s+)?"
            + "(?:bullet\\s+(?:holes|marks|impacts)|impact\\s+marks|shell\\s+(?:craters|fragments|impacts))|"
            // "saw for themselves the damage to the Armenian position": the harm done to a place, seen
            + "(?:saw|seen|observed|documented|inspected|witnessed|verified)\\s+(?:for\\s+(?:themselves|itself|ourselves)\\s+|"
            + "(?:with\\s+their\\s+own\\s+eyes|first-?hand|at\\s+first\\s+hand)\\s+)?(?:the\\s+)?(?:(?:fresh|recent|visible|"
            + "extensive|severe|heavy)\\s+)?damage\\s+(?:done\\s+|caused\\s+)?to\\b|"
            // "saw several houses and a kindergarten damaged by the shelling of 14 September": what it saw harmed by fire
            + "(?:saw|seen|observed|documented|inspected|witnessed|verified|found)\\s+(?:[\\w'’-]+\\s+){1,6}?"
            + "(?:damaged|destroyed|hit|struck)\\s+(?:by|in|during)\\s+(?:the\\s+)?(?:recent\\s+)?(?:shelling|fire|firing|"
            + "shooting|gunfire|shots|strikes?|explosions?|attacks?|artillery|mortar|drone)\\b|"
            + "\\b(?:traces?|consequences|damage|impacts?|aftermath|craters?|evidence)\\s+of\\s+(?:the\\s+)?(?:recent\\s+)?"
            + "(?:shelling|fire|firing|shooting|gunfire|shots|strikes?|explosions?|attacks?)\\s+(?:[\\w-]+\\s+){0,4}?"
            + "(?:was|were|has\\s+been|have\\s+been)\\s+(?:seen|observed|documented|recorded|noted|found|confirmed)|"
            + "came\\s+under\\s+fire|(?:was|were)\\s+shot\\s+at|recorded\\s+(?:an?\\s+)?(?:shooting|firing|shots|gunfire|"
            + "explosions?|exchange)|" + OBSTRUCTED);

    /**
     * Nothing happened: "no ceasefire violations were recorded", "no breaches of the ceasefire", "the ceasefire was
     * not violated", "no losses". Removed before looking for event cues, so a calm-day bulletin is no claim.
     */
    static final Pattern NO_EVENT = p("\\b(?:no|not\\s+a\\s+single|not\\s+any)\\s+(?:[\\w-]+\\s+){0,3}?"
            + "(?:violations?|breach(?:es)?|incidents?|shots?|shooting|firing|provocations?|losses|casualties)"
            + "(?:\\s+of\\s+the\\s+(?:ceasefire|truce|cease-fire))?\\b"
            + "(?:\\s+(?:was|were|has\\s+been|have\\s+been)\\s+(?:fired|opened)\\b)?"
            + "|\\bwithout\\s+(?:any\\s+)?(?:incidents?|violations?|shots?|shooting|firing|provocations?|losses|casualties)\\b"
            // "the ceasefire was not violated", "has not been violated", "is not being violated", "had never been
            // breached" (`h84-28`, `ch-i78-01`…`-03`; until branch i78 only the simple past was read, and "has not been
            // violated" made a calm bulletin a claim)
            + "|\\b(?:(?:was|were|is|are)\\s+(?:not|never)(?:\\s+being)?|(?:has|have|had)\\s+(?:not|never)\\s+been)\\s+"
            + "(?:violated|breached|broken)\\b"
            // the calque of a press service's calm night: "violation of the regime of ceasefire was not allowed",
            // "violations of the ceasefire regime were not permitted" (`h100-27`, `ch-i88-01`, `-02`; until branch i88 a
            // claim of the issuer's own side; guards `-03`, `-04`: fire told after it)
            + "|\\b(?:violations?|breach(?:es)?)\\s+of\\s+(?:the\\s+)?(?:regime\\s+of\\s+(?:the\\s+)?)?"
            + "(?:ceasefire|truce|cease-fire)(?:\\s+regime)?\\s+(?:(?:was|were|is|are)\\s+(?:not|never)(?:\\s+being)?|"
            + "(?:has|have|had)\\s+(?:not|never)\\s+been)\\s+(?:allowed|permitted|committed|recorded|registered)\\b"
            // fire someone says they did not hear: "Residents did not hear any shooting", "we have not heard a
            // single shot", "nobody in Chinari heard any gunfire" (`h96-01`, `ch-i86-01`…`-03`; guards `-04`, `-05`;
            // an observer's "did not hear" still refutes, read apart by OBSERVED_NOTHING, `-06`)
            + "|\\b(?:(?:did|do|does|has|have|had)\\s+not|didn['’]t|don['’]t|doesn['’]t|hasn['’]t|haven['’]t|hadn['’]t|"
            + "never|(?:no\\s*one|nobody)(?:\\s+(?:in|at|from|of)\\s+(?:the\\s+)?[\\w-]+)?(?:\\s+(?:has|had))?)\\s+"
            + "(?:(?:see|seen|saw)\\s+(?:or|nor)\\s+)?(?:hear|heard)\\s+(?:any\\s+|a\\s+single\\s+)?(?:[\\w-]+\\s+){0,2}?"
            + "(?:shots?|shooting|gunfire|gunshots?|firing|fire|shelling|explosions?|blasts?)"
            + "(?:\\s+(?:being\\s+)?(?:fired|opened))?\\b"
            // a trend is no event: "contributed to fewer incidents", "a decrease in the number of ceasefire violations"
            + "|\\b(?:fewer|less\\s+frequent|reduced|lower\\s+numbers?\\s+of|(?:an?\\s+|the\\s+)?(?:decrease|reduction|decline|"
            + "drop|fall)\\s+in)\\s+(?:the\\s+(?:number|frequency)\\s+of\\s+)?(?:[\\w-]+\\s+)?(?:incidents?|violations?|"
            + "breach(?:es)?|shootings?|ceasefire\\s+violations)\\b"
            // events in general that a mechanism or measure would look into or stop are none: "a mechanism for
            // investigating reported ceasefire violations", "steps to prevent possible incidents" (not a named one:
            // "to investigate the shelling of Sotk")
            + "|\\b(?:investigat\\w*|prevent\\w*|avoid\\w*|monitor\\w*|examin\\w*|look\\s+into|deal\\s+with|respond\\s+to|"
            + "responding\\s+to)\\s+(?:(?:any|all|possible|potential|future|reported|alleged|such|further|new)\\s+)+"
            + "(?:[\\w-]+\\s+)?(?:violations|breaches|incidents|provocations|cases\\s+of\\s+[\\w-]+)"
            + "(?:\\s+of\\s+the\\s+(?:ceasefire|truce|cease-fire))?\\b"
            // an exercise's firing is no fire: "exercises of … with live firing will be held", "live-fire drills"
            + "|(?<=\\b(?:exercises?|drills?)\\b[^.;:]{0,120})\\bwith\\s+live[\\s-]+fir(?:e|ing)\\b"
            + "|\\blive[\\s-]+fir(?:e|ing)(?=\\s+(?:exercises?|drills?|training)\\b)");

    /** Delimitation or border markers: "delimitation markers", "border pillars", "demarcation signs". */
    private static final String MARKERS = "\\b(?:delimitation|demarcation|border|boundary)\\s+(?:markers?|pillars?|"
            + "signs?|marks?)\\b";

    private static final String MARKER_HARM = "(?:moved|removed|damaged|destroyed|dismantled|uprooted|displaced|"
            + "relocated|shifted|knocked\\s+down|pulled\\s+out)";

    /**
     * Delimitation or border markers moved, removed, damaged or destroyed, an event (type {@code OTHER}): "Azerbaijani
     * servicemen moved three delimitation markers near Tegh", "two delimitation markers … were found damaged"
     * (`h95-13`, `h95-15`); not markers installed, placed or agreed on.
     */
    private static final String MARKERS_HARMED_RX = "\\b" + MARKER_HARM + "\\s+(?:[\\w'’-]+\\s+){0,3}?" + MARKERS + "|"
            + MARKERS + "[^.;!?]{0,80}?\\b(?:was|were|has\\s+been|have\\s+been|had\\s+been)\\s+(?:found\\s+)?"
            + MARKER_HARM + "\\b";

    /** The markers' harm told in the passive with no doer: "were found damaged" names no side. */
    static final Pattern MARKERS_HARMED_PASSIVE = p(MARKERS + "[^.;!?]{0,80}?\\b(?:was|were|has\\s+been|have\\s+been|"
            + "had\\s+been)\\s+(?:found\\s+)?" + MARKER_HARM + "\\b(?![^.;!?]{0,60}\\bby\\b)");

    /** Stones or rocks as what is thrown: "stones", "rocks", "a stone" (not "the first stone" of a saying). */
    private static final String STONES = "(?:stones|rocks|an?\\s+(?:large\\s+|heavy\\s+)?(?:stone|rock))";

    /**
     * Stones thrown at people, vehicles or posts, a hostile act with no weapon of the contract's types (type {@code
     * OTHER}, never {@code CASUALTY}, whoever was hurt): "threw stones at a convoy of Azerbaijani trucks", "were pelted
     * with stones from the Azerbaijani side", "stones were thrown at an Armenian patrol", "a stone-throwing attack"
     * (`h95-11`); not a stone that is laid, a place's name ("Stone Village") or a wall ("a stone wall").
     */
    private static final String STONES_THROWN_RX = "\\b(?:thr[eo]w|throws|throwing|thrown|hurl(?:ed|ing|s)?|"
            + "hurl)\\s+(?:[\\w'’-]+\\s+){0,2}?" + STONES + "\\b(?!['’])"
            + "|\\b(?:stones|rocks)\\s+(?:were|was|had\\s+been|have\\s+been|being)\\s+(?:\\w+ly\\s+)?(?:thrown|hurled)\\b"
            + "|\\bpelt(?:ed|ing|s)?\\s+(?:[\\w'’-]+\\s+){0,4}?with\\s+(?:stones|rocks)\\b"
            + "|\\b(?:stone|rock)[\\s-]throwing\\b";

    /** {@link #STONES_THROWN_RX} as a pattern (type {@code OTHER}; no actor unless the throwers' side is named). */
    static final Pattern STONES_THROWN = p(STONES_THROWN_RX);

    /**
     * Before a side: people said to be on it ("a group of persons on the Armenian side of the border …") — where the
     * throwers stood, not a target, when {@link #STONES_THROWN_AFTER} follows.
     */
    static final Pattern PEOPLE_ON_BEFORE = p("\\b(?:persons|people|individuals|men|youths|residents|civilians|villagers|"
            + "group)\\s+(?:[\\w-]+\\s+){0,2}?on\\s+(?:the\\s+)?$");
    /** After such a side, in its clause: their stones thrown ("… of the border near Meghri threw stones at …"). */
    static final Pattern STONES_THROWN_AFTER = p("[^.;:!?]{0,120}?(?:" + STONES_THROWN_RX + ")");

    /** Something happened: enough for a party's (or a third party's) statement to count as a claim. */
    static final Pattern EVENT_CUE = words("\\bfir(?:e|ed|ing)\\b|\\bshot|provocat|\\boperation\\b|\\bdestroy|"
            + "\\battack|\\bincident|\\bbullets?\\b|\\bviolat|\\bbreach(?:es)?\\s+of\\s+(?:the\\s+)?cease-?fire|\\bcease-?fire\\s+breach|\\bkilled|\\bwounded|\\binjured|\\bdetain|\\bshell|\\bdied\\b|\\bwounds?\\b|"
            // "the bombardment of Sotk": a shelling by another name
            + "\\bbombard|"
            + "\\bmartyr|\\bshooting\\b|\\bgunfire\\b|\\bdeath\\s+toll\\b|\\bfirefights?\\b|\\bshootouts?\\b|\\bskirmish|"
            // strikes with no weapon named: "condemns the strikes carried out by Azerbaijan … against several
            // localities", "air / drone / missile strikes" (not a hunger or labour strike)
            + "(?<!hunger\\s|general\\s|labou?r\\s|workers['’]\\s)\\bstrikes?\\s+(?:carried\\s+out|launched|conducted|"
            + "delivered|on|against|by)\\b|"
            + "\\b(?:air|drone|missile|rocket|artillery)[\\s-]+strikes?\\b|"
            // a blast told as happening, a weapon named or not: "a fuel depot near Stepanakert exploded on the evening of
            // 25 September" (`h74-28`; its type OTHER, see {@link #EXPLOSION})
            + "\\bexploded\\b|\\bblew\\s+up\\b|\\b(?:an?|the)\\s+(?:[\\w-]+\\s+){0,2}?(?:explosion|blast)\\s+(?:at|in|near|on|"
            + "occurred|took\\s+place|hit|rocked|tore|ripped|killed|wounded|injured)\\b|"
            // delimitation or border markers moved, removed, damaged or destroyed (`h95-13`, `h95-15`)
            + MARKERS_HARMED_RX + "|"
            // stones thrown at people, vehicles or posts (`h95-11`)
            + STONES_THROWN_RX + "|"
            // a side's forces taking the other side's livestock: "a herd … was driven away by Azerbaijani servicemen",
            // "Armenian soldiers stole twelve sheep" (animals that only strayed, or taken by no force, are none)
            + "\\b(?:herds?|flocks?|cattle|cows|sheep|goats|horses|livestock|animals)\\b[^.;!?]{0,160}?\\b"
            + "(?:driven|drove|taken|took|led|stolen|stole|seized|rustled)\\s+(?:away\\s+|off\\s+)?by\\s+"
            + "(?:[\\w'’-]+\\s+){0,3}?(?:servicem[ae]n|soldiers|troops|units|border\\s+guards|military|forces)\\b|"
            + "\\b(?:servicem[ae]n|soldiers|troops|border\\s+guards)\\s+(?:[\\w'’-]+\\s+){0,2}?"
            + "(?:drove|took|led|stole|seized|rustled)\\s+(?:away\\s+|off\\s+)?(?:[\\w'’,-]+\\s+){0,6}?"
            + "(?:herds?|flocks?|cattle|cows|sheep|goats|horses|livestock|animals)\\b");

    /**
     * Hostilities a named state began, told by a third state in its own words: "deeply concerned by the military action
     * that Azerbaijan launched today" (`h74-11`) is its claim (not "any / possible / alleged …" action, nor "allegedly
     * launched"). Only for the stance of a third party: the sentence dates no event for others.
     */
    static final Pattern STATE_BEGAN_ACT = p("(?<!\\b(?:any|possible|potential|future|planned|alleged|so-called)\\s(?:military\\s)?)"
            + "\\b(?:military\\s+)?(?:action|operation|offensive|hostilities|aggression)\\s+(?:(?:that|which)\\s+)?"
            + "(?:azerbaijan|armenia|baku|yerevan)\\s+(?:has\\s+|had\\s+)?(?:launched|began|begun|started|unleashed|"
            + "initiated|mounted|undertook|carried\\s+out|conducted)\\b");

    /**
     * Who made the claim a statement answers (the accuser, not the side the claim accuses): "the Armenian MoD's
     * report", "the Azerbaijani side's claim", "the report of the Ministry of Defence of Armenia", "information
     * spread by the Azerbaijani side", "the Armenian side claimed". "Fire from the Azerbaijani side" names the
     * alleged actor and is not matched.
     */
    static final Pattern REPORTER;

    static {
        String nat = "(?<%s>armenian|armenia['’]s|azerbaijani|azerbaijan['’]s)";
        String bare = "(?<%s>armenia|azerbaijan)";
        String body = "(?:ministry\\s+of\\s+(?:defen[cs]e|foreign\\s+affairs)|(?:defen[cs]e|foreign)\\s+ministry|mod|mfa|"
                + "side|government|authorities|officials?|(?:state\\s+)?border\\s+service|leadership|media|press|"
                // its politicians: "the claim of an Armenian MP that …" (`h101-29`, `ch-i88-10`…`-12`; guards `-13`, `-14`)
                + "(?:opposition\\s+)?(?:mps?|deput(?:y|ies)|lawmakers?|parliamentarians?|politicians?|"
                + "members?\\s+of\\s+(?:the\\s+)?parliament))";
        String claim = "(?:reports?|claims?|statements?|allegations?|accusations?|information|assertions?)";
        String agency = "(?:ministry\\s+of\\s+(?:defen[cs]e|foreign\\s+affairs)|(?:state\\s+)?border\\s+service)\\s+of\\s+"
                + "(?:the\\s+republic\\s+of\\s+)?";
        REPORTER = p("\\b" + nat.formatted("nat") + "\\s+(?:" + body + "(?:['’]s?)?\\s+)?" + claim + "\\b"
                + "|\\b(?:" + claim + "|reported|claimed|alleged|announced)\\s+(?:(?!(?:of|by|from|at|on|to|towards?|against)\\b)[\\w-]+\\s+){0,3}?(?:of|by|from)\\s+(?:the\\s+|an?\\s+)?(?:"
                + agency + bare.formatted("nat2") + "|" + nat.formatted("nat3") + "\\s+" + body + "|"
                + bare.formatted("nat4") + "(?!['’]s|\\s+(?:army|armed|forces|side|military|border|state|republic)))\\b"
                + "|\\b" + nat.formatted("nat5") + "\\s+" + body + "\\s+(?:has\\s+|had\\s+)?(?:claimed|alleged|accused|"
                + "reported|stated|asserted)\\b"
                + "|\\b" + bare.formatted("nat6") + "\\s+(?:has\\s+|had\\s+)?(?:claimed|alleged|accused)\\b"
                // "a statement of the Azerbaijani military, according to which …": a statement's author (not "reports
                // of the Azerbaijani military", which may be the accused)
                + "|\\b(?:statements?|claims?|assertions?)\\s+(?:of|by|from)\\s+(?:the\\s+)?" + nat.formatted("nat7")
                + "\\s+(?:military(?:\\s+department)?|army|armed\\s+forces|defen[cs]e\\s+department)\\b");
    }

    /** The accuser named by a {@link #REPORTER} match. */
    static String reporterNationality(java.util.regex.Matcher m) {
        for (String g : new String[] {"nat", "nat2", "nat3", "nat4", "nat5", "nat6", "nat7"}) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return null;
    }

    /**
     * A date introduced as the date of an earlier statement ("its statement of 11 November", "the report of 28
     * June", "the claim published on 10 May", "the statement disseminated by the Ministry of Defence of Azerbaijan on
     * 4 June", "the statement of the Ministry of Defence of Azerbaijan published this morning"), or a clock time as its
     * time ("the statement issued at 08:30"), and a channel's "post of 06.06.2025": the text before such a date ends
     * like this. Not an event date. The
     * publisher after "by" or after "of" before the participle is up to eight words.
     */
    static final Pattern STATEMENT_DATE_BEFORE = p("\\b(?:statements?|reports?|claims?|communiqu[eé]s?|press[\\s-]+releases?|"
            + "announcements?|publications?|messages?|briefings?|allegations?|accusations?|updates?|note|bulletins?|"
            + "information|remarks|comments)"
            // the publisher before the participle: "the statement of the Azerbaijani Ministry of Defence published this
            // morning" (up to eight words, only when a participle follows)
            + "(?:\\s+of(?:\\s+[\\p{L}'’-]++){1,8}?(?=\\s+(?:(?:was|were)\\s+)?(?:published|issued|released|posted|"
            + "disseminated|spread|circulated|distributed|dated)\\b))?"
            + "(?:\\s+(?:(?:was|were)\\s+)?(?:published|issued|released|made|posted|"
            + "disseminated|spread|circulated|distributed|dated)(?:\\s+by(?:\\s+(?!(?:that|which|who|whom|about|claiming|"
            + "alleging|saying|according)\\b)[\\p{L}'’-]++){1,8}?)?)?"
            + "(?:\\s+(?:of|on|from|dated|at))?\\s*$"
            // a channel's post or tweet: "The AzMoD post of 06.06.2025 claiming that … on June 5" (`h58-02`); "post"
            // only before "of / dated" or a participle, as "fired at our post on 5 June" is a border post's event
            + "|\\b(?:posts?|tweets?)\\s+(?:(?:(?:was|were)\\s+)?(?:published|issued|posted|shared|dated)\\s+(?:on\\s+|at\\s+)?|of\\s+|dated\\s+)$"
            // the publisher between the statement and "of <date>": "The statement of the Ministry of Defence of
            // Azerbaijan of 12 May about the shooting … on 11 May" (a body named, so "claims of Armenian fire of …" is not)
            + "|\\b(?:statements?|reports?|claims?|communiqu[eé]s?|press[\\s-]+releases?|announcements?|posts?|briefings?)"
            + "\\s+of\\s+(?:the\\s+)?(?:[\\p{L}'’-]++\\s+){0,3}?(?:ministry|mod|service|office|side|government|presidency|"
            + "spokesperson|command)(?:\\s+[\\p{L}'’-]++){0,5}?\\s+of\\s+$");

    /** Verbs of saying: a date attached to one dates the statement, not the event. */
    private static final String REPORTING_VERBS = "said|says|told|stated|announced|reported|claimed|added|noted|wrote|"
            + "declared|commented|tweeted|posted|denied|denies|rejected|refuted|dismissed|accused|confirmed|insisted|"
            + "alleged|warned|stressed|emphasi[sz]ed|assured|"
            // publishing is saying: "the Forum today publishes a policy brief on …" (`h75-17`)
            + "publishes|published|issues|issued";

    /**
     * A word of saying in a clause (active: "shooting was reported" is the event's): the verbs of
     * {@link #REPORTING_DATE_BEFORE} and the occasions of saying ("speaking at", "a briefing", "an interview").
     */
    static final Pattern SAYING_WORD = p("(?<!\\b(?:was|were|been|being|is|are)\\s{1,3})\\b(?:" + REPORTING_VERBS
            + "|says|tells|informed|briefed|speaking|addressing|addressed|briefing|interview|press\\s+conference)\\b");

    /**
     * A date after a reporting verb ("residents said on Thursday", "the ministry denied on Monday"): when the
     * statement was made, not the event ("told APA that on Saturday …" is the event's: the addressee ends at "that"). Not after a passive ("shooting was reported on Monday" dates the shooting).
     */
    static final Pattern REPORTING_DATE_BEFORE = p("(?<!\\b(?:was|were|been|being|is|are)\\s{1,3})\\b(?:told\\s+(?:(?!that\\b)[\\w-]+\\s+){0,2}?|"
            + "(?:" + REPORTING_VERBS + ")\\s+)(?:(?:late|early|earlier)\\s+)?(?:on\\s+)?$");

    /**
     * A date right before a reporting verb ("Armenia's Defence Ministry on Monday denied that …", "on Tuesday evening
     * said"): the statement's date too. "Azerbaijani units on Monday fired at …" is the event's.
     */
    // The white space is taken possessively: a letter follows each run, so giving spaces back never helps, and on a
    // text blanked to spaces it re-tried every split of the run (quadratic; the same matches)
    static final Pattern REPORTING_DATE_AFTER = p("^(?:\\s++(?:morning|afternoon|evening|night))?\\s*+,?+\\s*+(?:(?:also|again|"
            + "publicly|officially|categorically|strongly|flatly|firmly|once\\s+again)\\s++)?(?:" + REPORTING_VERBS
            + ")\\b(?!\\s+by\\b)");

    /**
     * A date opening a sentence ("On Monday, …", "Late on 12 May …", "However, on the evening of 3 June …"): the text
     * before it is the sentence's start, with at most a connective and "late / early / on / the morning of".
     */
    static final Pattern OPENING_DATE_BEFORE = p("(?:^|[.!?][\"”’)]?\\s+|\\n\\s*)(?:(?:however|then|later|meanwhile|"
            + "separately|also|and|but|earlier)\\s*,?\\s+)?(?:(?:late|early|earlier|later)\\s+)?(?:on\\s+)?"
            + "(?:the\\s+(?:morning|afternoon|evening|night)\\s+of\\s+)?$");

    /** The subject between an opening date and its main verb: up to ten words, none of them joining, finite or of an event. */
    private static final String OPENING_SUBJECT = "(?:(?!(?:and|or|but|that|which|who|whom|where|when|while|after|before|"
            + "as|was|were|is|are|been|being|had|has|have|at|near|towards?|into|upon|against|with|from|fired|opened|"
            + "shelled|attacked|killed|wounded|violated|crossed|launched|targeted|detained|struck|hit|used)\\b)"
            + "[\\p{L}\\d'’.-]++\\s+){1,10}?";

    /**
     * After an opening date, the sentence's subject and then its main verb, a verb of saying ("On Monday, the ministry
     * said that …", "On 12 May the Defence Ministry of Armenia reported that …"): the date is the saying's. The subject
     * is up to ten words ("the press service of the Ministry of Defence of Armenia") without punctuation, relative or
     * joining words, a finite "was / has …", a preposition of place or an event's verb, so "On 12 May, Azerbaijani
     * units fired at Sotk, the ministry said" (the event comes first) and "On Monday, the ministry said, units fired …"
     * (a parenthetical) keep the date as the event's, and so does a passive ("On Monday, shooting was reported near
     * Sotk").
     */
    // The white space is taken possessively ("\\s*,?\\s+" as "\\s*+,\\s++|\\s++"): a word follows each run, so giving
    // spaces back never helps, and on a text blanked to spaces it re-tried every split of the run (quadratic; the
    // same matches)
    static final Pattern OPENING_DATE_AFTER = p("^(?:\\s++(?:morning|afternoon|evening|night))?(?:\\s*+,\\s++|\\s++)"
            + "(?<subject>" + OPENING_SUBJECT + ")"
            + "(?:(?:also|again|publicly|officially|categorically|strongly|flatly|firmly|once\\s+again|later|then)\\s+)?"
            + "(?:" + REPORTING_VERBS + ")\\b(?!\\s+by\\b)(?!\\s*,)"
            // "In the past two days the Ministry of Defence of Azerbaijan has issued two statements alleging …": the
            // span is when the statements were issued, not when the alleged events were
            + "|^(?:\\s*+,\\s++|\\s++)(?<issuer>" + OPENING_SUBJECT + ")(?:(?:has|have|had)\\s+)?(?:(?:also|again|repeatedly)\\s+)?"
            + "(?:issued|published|circulated|disseminated|spread|put\\s+out|made|released)\\s+(?:[\\w-]+\\s+){0,2}?"
            + "(?:statements?|claims?|reports?|allegations?|accusations?|information|communiqu[eé]s?|press\\s+releases?|"
            + "messages?|posts?)\\b");

    /**
     * An observer's patrol or monitors as the one reporting ("EUMA patrols in Tavush on 19 March reported that the
     * situation was quiet"): what a patrol reports is what it saw that day, so the date stays the observation's.
     */
    static final Pattern PATROL_REPORTING = p("\\b(?:patrols?|monitors|monitoring\\s+teams?|observers)\\b[^.;:!?]*$");

    /**
     * Unexploded ordnance by another name: "an unexploded shell", "unexploded cluster munitions", "an unexploded
     * mortar round", "explosive remnants of war" — what the contract calls a mine explosion when it goes off, not the
     * fire of the weapon it came from.
     */
    static final String UNEXPLODED = "(?:unexploded\\s+(?:[\\w-]+\\s+){0,2}?(?:ordnance|shells?|munitions?|submunitions?|"
            + "bombs?|bomblets?|projectiles?|grenades?|rockets?|missiles?|rounds?|mines?|devices?|charges?)|"
            + "explosive\\s+remnants\\s+of\\s+war)";

    /**
     * Mine clearance (not an explosion): "ANAMA cleared 1,240 hectares and neutralised 3,412 anti-personnel mines" (a
     * drone "neutralised" is brought down, no clearance), "destroyed 148 anti-personnel and anti-tank mines and 311
     * items of unexploded ordnance", "sappers discovered and destroyed an unexploded mortar round": a destroying verb
     * whose object, up to five words on, is mines or ordnance (no side's word between: "destroyed an Armenian firing
     * point", "destroyed the Armenian depot of mines" are acts, and so is the laying of "mines laid by …"; a made-in
     * adjective, "Armenian-made", "Azerbaijani-produced", is no side), or "found /
     * discovered … and destroyed / defused …".
     * In such a sentence without a blast or a victim, mines and ordnance describe no event.
     */
    static final Pattern CLEARANCE = words("clear(?:ed|ing|ance)\\b|de-?min(?:ing|ed|ers?)\\b|"
            // not a drone brought down: "❗️ARMENIAN QUADCOPTER NEUTRALISED❗️" over "… tried to drop an explosive device"
            + "(?<!\\b(?:drones?|uavs?|quadcopters?|copters?)\\s{1,3}(?:(?:was|were|has\\s{1,3}been|have\\s{1,3}been)\\s{1,3})?)"
            + "neutrali[sz]\\w*|defus\\w*|"
            + "disarm\\w*|(?:found|discovered|detected|located|uncovered)\\s+and\\s+(?:destroyed|defused|neutrali[sz]ed|"
            + "removed|disposed\\s+of)\\b|removed\\b|"
            // "destroyed 148 anti-personnel and anti-tank mines", "destroyed 311 items of unexploded ordnance"
            // (a made-in adjective is no side: "destroyed 12 Armenian-made mines" is a tally of clearance)
            + "destroy(?:ed|ing|s)?\\s+(?:(?!(?:armenian|azerbaijani|enemy|adversary|opponent)\\b(?![-‐–](?:made|produced|"
            + "manufactured)\\b)|(?:firing|depots?|warehouses?|"
            + "stores?|storage|dumps?|caches?|positions?|posts?|vehicles?|groups?|laid|planted|that|which|who)\\b)"
            + "[\\w,-]+\\s+){0,5}?"
            + "(?:mines?|minefields?|ordnance|uxo|explosive\\s+devices?|" + UNEXPLODED + ")"
            // not mines someone laid ("destroyed 12 mines newly laid by Armenian units": the laying is an act)
            + "\\b(?!['’]|\\s+(?:depots?|warehouses?|stores?|dumps?)\\b|\\s+(?:\\w+ly\\s+)?(?:laid|planted|placed|"
            + "installed)\\s+by\\b)");
    /** A blast told as happening (lower case): with no weapon named its type is {@code OTHER}, not its losses alone. */
    static final Pattern EXPLOSION = words("exploded|explosions?|blasts?|blew\\s+up|detonated");
    static final Pattern BLAST = words("explod\\w*|explosions?\\b|detonat\\w*|blasts?\\b|went\\s+off|blew\\s+up|stepped\\s+on|"
            + "ran\\s+over|drove\\s+over|hit\\b|struck\\b|killed|wounded|injured|died\\b|hurt\\b");
    static final Pattern MINE_WORDS = words("(?:land[\\s-]?|anti[\\s-](?:personnel|tank)\\s+(?:(?:and|or)\\s+"
            + "anti[\\s-](?:personnel|tank)\\s+)?)?mines?\\b|"
            + "(?:unexploded\\s+)?ordnance\\b|uxo\\b|explosive\\s+devices?\\b|" + UNEXPLODED + "\\b");

    /**
     * Mines named as the subject of a publication, a meeting or a campaign, or of the harm they do in general ("has
     * published a report on the long-term harm caused by landmines", "a conference on mine action", "the danger posed by
     * landmines to children"): in a sentence without a blast or victim they name no explosion (`h97-24`,
     * `ch-i86-18`, `-19`; guards `-20`…`-22`), as in a sentence about clearing them or about their maps.
     */
    static final Pattern MINE_TOPIC = words("(?:(?:reports?|study|studies|survey|research|campaign|conference|seminar|"
            + "workshops?|exhibition|training|film|documentary|book|briefing|brief|publication|paper|lecture|"
            + "awareness|session|lessons?)\\s+(?:on|about|into|concerning|regarding)\\s+(?:[\\w'’-]+\\s+){0,6}?|"
            + "(?:danger|dangers|threat|threats|risks?|harm|hazards?|impact|consequences|effects?|legacy)\\s+"
            + "(?:(?:of|from)|(?:posed|caused|left)\\s+by)\\s+(?:the\\s+)?(?:[\\w'’-]+\\s+){0,2}?)"
            + "(?:land[\\s-]?|anti[\\s-](?:personnel|tank)\\s+)?mines?\\b"
            // not mines someone laid ("a report on mines newly laid by Armenian units": the laying is an act)
            + "(?!\\s+(?:\\w+ly\\s+)?(?:laid|planted|placed|installed)\\b)");
    /** Mines laid: "Armenian units laid anti-personnel mines …" (in a sentence with {@link #MINE_TOPIC}, still an act). */
    static final Pattern MINES_LAID = words("laid|lay(?:ing|s)?|plant(?:ed|ing)|mined");

    /**
     * Maps or records of minefields, handed over or asked for ("in exchange for maps of about 97,000 anti-tank and
     * anti-personnel mines", "the minefield maps of the Aghdam district", "the formulars of the minefields"): in such a
     * sentence without a blast or victim the mines name no explosion, as in a sentence about clearing them.
     */
    static final Pattern MINE_RECORDS = words("(?:mine(?:field)?\\s+)?(?:maps?|formulars?|records|charts?)\\s+of\\b|"
            + "mine(?:field)?\\s+(?:maps?|formulars?|records|charts?)\\b");
    /**
     * The mines' toll told of them as an ongoing or past-till-now fact, in a sentence about their maps: "refuses to hand
     * over the maps of the minefields, which have killed dozens of civilians since the war", "mines that continue to
     * kill and maim our citizens". No event of its own (not a simple past with its day: "the minefield, which killed
     * two deminers on Monday", nor a blast named in the sentence).
     */
    static final Pattern MINE_TOLL = words("(?:mines?|minefields?|fields?|maps?|ordnance)\\b[^.;:!?]{0,40}?,?\\s*"
            + "(?:which|that|(?:where\\s+)?(?:the\\s+|these\\s+)?mines)\\s+(?:(?:have|has)\\s+(?:already\\s+|so\\s+far\\s+|since\\s+then\\s+)?"
            + "(?:killed|wounded|maimed|injured|claimed)|continues?\\s+to\\s+(?:kill|wound|maim|injure|claim)|"
            // to the clause's end: "…, and on Monday a mine exploded" is the sentence's own event ("1,000" no end)
            + "still\\s+(?:kill|wound|maim|injure|claim))\\b(?:[^.;!?,]|,(?=\\d))*");

    /**
     * A release, handover or exchange of detainees (ICRC-facilitated transfers, prisoner swaps): in such a sentence the
     * nouns for the people held ("detainees", "prisoners", "servicemen detained by Azerbaijan", "the captured soldiers")
     * name no detention; a verb still does ("was detained ... and handed over to investigative bodies").
     */
    static final Pattern RELEASE = words("releas\\w*|hand(?:ed|ing|s)?\\s+over\\b|handovers?\\b|"
            // not what else is exchanged: "enabled them to exchange messages with their families", "an exchange of fire"
            + "exchang\\w*+(?!\\s+(?:of\\s+)?(?:family\\s+|red\\s+cross\\s+)?(?:messages|letters|news|greetings|views|"
            + "phone\\s+calls|calls|fire|shots|gunfire)\\b)|repatriat\\w*|"
            + "transfer\\w*|freed\\b|returned\\s+(?:to|home)\\b|return\\s+of\\b|swaps?\\b");
    /**
     * An observer's own words that people are held since a detention: "visited the two Armenian servicemen held by
     * Azerbaijan since they were apprehended in the Kalbajar area on 26 May", "detained by Armenia since their capture
     * near Kut on 3 May", "held by Azerbaijan since 14 March", "held in Azerbaijan since he was detained near
     * Khnatsakh on 22 June". It states the detention (its day and place run to the
     * end of the clause); group {@code side} is the side that holds them. Not in a sentence about their release,
     * handover or exchange ({@link #RELEASE}), which describes no event.
     */
    static final Pattern HELD_SINCE = words("(?:held|detained|kept|imprisoned|in\\s+(?:the\\s+)?custody)\\s+"
            // "held in Azerbaijan since he was detained near Khnatsakh": the country they are held in holds them
            + "(?:(?:captive|prisoner|in\\s+detention)\\s+)?(?:by|of|in(?=\\s+(?:armenia|azerbaijan)\\b))\\s+(?:the\\s+)?"
            + "(?<side>armenian|azerbaijani|armenia|"
            + "azerbaijan)(?:\\s+(?:side|authorities|forces|army|armed\\s+forces|border\\s+guards))?\\s+since\\s+"
            + "(?:(?:they|he|she)\\s+(?:were|was|had\\s+been)\\s+(?:apprehended|detained|captured|arrested|"
            + "taken\\s+(?:prisoner|captive))\\b|(?:their|his|her)\\s+(?:capture|arrest|detention|apprehension)\\b|"
            + "(?=(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+\\p{L}|\\p{L}+\\s+\\d{1,2}\\b))[^.;,]{0,80}");

    /**
     * In a handover or repatriation sentence, the remains handed over and how those people died ("the handover of the
     * bodies of two servicemen who were killed in the fighting of September 2022"): an earlier death, no loss of an
     * event (the deaths named are blanked with the rest of the phrase). Not when the text names who killed them
     * ("the bodies of the two servicemen killed by Azerbaijani fire on 3 May were handed over"): that is the event.
     */
    static final Pattern REMAINS = words("(?:bodies|remains|mortal\\s+remains)\\s+of\\b(?:(?!\\bby\\b)[^.;]){0,120}?"
            + "\\b(?:killed|died|fallen|perished|lost\\s+their\\s+lives)\\b(?!\\s+by\\b)");

    /**
     * A figure given only as the one it corrects, in parentheses, dashes or commas: "two (not three, as reported
     * earlier) were wounded", "two – rather than three – were wounded", "Two servicemen, not one, were wounded". Not a
     * count.
     */
    static final Pattern CORRECTED_FIGURE = p("\\(\\s*(?:not|rather\\s+than|instead\\s+of)\\b[^()]{0,80}\\)|"
            + "[–—]\\s*(?:not|rather\\s+than|instead\\s+of)\\b[^–—.;()]{0,80}[–—]|"
            // between commas, a figure first: "Two servicemen, not one, were wounded" (not ", not only …,")
            + ",\\s*(?:not|rather\\s+than|instead\\s+of)\\s+(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten)\\b"
            + "[^,.;()]{0,60},");

    /**
     * Right before a clock that a correction replaces ("at 21:45 on 8 April, not at 19:45", "at 21:45 (not 19:45, as
     * stated earlier)", "at 21:45 rather than 19:45", "instead of 19:45"): that clock is no time of the event. Only
     * "not" with at most "at / around / about" before the clock, so "did not cease until 23:10" keeps its clock.
     */
    static final Pattern CORRECTED_CLOCK = p("(?:\\bnot|\\binstead\\s+of|\\brather\\s+than)\\s+(?:at\\s+|around\\s+|about\\s+)?$");

    /**
     * "the servicemen who fell while repelling the aggression", "soldiers who fell in battle": "fell" of people is a
     * death (not "a shell fell near Sotk", "fell silent").
     */
    static final Pattern FELL = p("(?<=\\b(?:servicem[ae]n|soldiers?|officers?|heroes|defenders|guards|men|those|sons)"
            + "\\s{1,3}(?:who|that)\\s{1,3})fell\\b");

    /** A ceasefire's names: also "the cessation of hostilities" (`h74-14`, `h74-15`). */
    private static final String CEASEFIRE_WORD = "(?:ceasefire|cease-fire|truce|armistice|cessation\\s+of\\s+(?:all\\s+)?"
            + "hostilities)";

    /** A ceasefire named: in a text that tells no event, it makes none ("welcomes the ceasefire along the border"). */
    static final Pattern CEASEFIRE_NAMED = p("\\b" + CEASEFIRE_WORD + "\\b");

    /**
     * Right before the clock at which a ceasefire began ("Despite the ceasefire that took effect at 20:00, at 20:45 …
     * fired", "the truce agreed from 09:00"): that clock is the ceasefire's, no time of the event. Only in the ceasefire's
     * own clause (no full stop, semicolon or comma between), or a relative clause after a comma that opens with
     * "which" ("welcomes the ceasefire … along the border with Nakhchivan, which took effect at 08:00 today", `h79-19`).
     */
    static final Pattern CEASEFIRE_CLOCK = p("\\b" + CEASEFIRE_WORD + "\\b[^.;,]{0,90}?(?:,\\s+which\\s+(?:has\\s+|had\\s+)?)?"
            + "\\b(?:took\\s+effect|"
            + "(?:entered|came|went)\\s+into\\s+(?:force|effect)|took\\s+hold|began|started|(?:was|had\\s+been)\\s+"
            + "(?:declared|established|agreed|announced|reached))\\s+(?:(?:today|yesterday|on\\s+\\d{1,2}\\s+\\p{L}+)\\s+)?"
            // the preposition may open the clock's own span ("from 09:00" is an open range)
            + "(?:(?:at|from|since)\\s+(?:about\\s+|around\\s+|approximately\\s+)?)?$");

    /**
     * A clock that opens the ceasefire's own clause ("At 20:00 today a ceasefire, agreed with the partners' help,
     * entered into force", "Today at 12:00 the truce took effect"): with its day word, the ceasefire's time, no time of
     * an event (as {@link #CEASEFIRE_CLOCK} after the verb). Not a truce named in a relative clause ("At 03:10 the
     * truce that began on Sunday was broken") nor one named after the event ("At 20:45, despite the ceasefire …").
     */
    static final Pattern CEASEFIRE_OPENING = p("\\b(?:(?:today|yesterday)\\s*,?\\s*)?(?:at|from)\\s+(?:about\\s+|around\\s+|"
            + "approximately\\s+)?(?:\\d{1,2}[:.]\\d\\d(?:\\s*hrs)?|noon|midnight)(?:\\s+(?:local\\s+time|today|yesterday|"
            + "(?:on\\s+)?\\d{1,2}\\s+\\p{L}+))*\\s*,?\\s+(?:an?|the)\\s+(?:[\\p{L}-]+\\s+){0,2}?" + CEASEFIRE_WORD + "\\b(?:(?!\\b(?:that|which|who)\\b)[^.;]){0,120}?\\b(?:took\\s+effect|(?:entered|came|went)\\s+"
            + "into\\s+(?:force|effect)|took\\s+hold|began|started|was\\s+(?:declared|established|announced))\\b");

    /** A word of a time told alone (a clock, a date, a weekday, a part of the day and their small words). */
    private static final String TIME_WORD = "(?:at|on|in|around|about|approximately|shortly|just|after|before|early|late|"
            + "the|of|today|yesterday|this|last|morning|afternoon|evening|night|hours|noon|midnight|local|time|hrs|"
            + "(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|"
            + "october|november|december|\\d{1,2}[:.]\\d\\d|\\d{1,4}(?:st|nd|rd|th)?)";

    /** Words that make a subject a clause of its own: a verb, or what joins another clause. */
    private static final String NO_SUBJECT_WORD = "(?:was|were|is|are|has|have|had|fired|opened|shelled|attacked|shot|"
            + "struck|hit|targeted|launched|came|killed|wounded|injured|and|when|after|as|while|then)\\b";

    /**
     * A sentence opened by its time alone, up to a comma, whose subject — someone wounded earlier, told in a relative
     * clause or a participle — then died of the wounds or in hospital ("At 06:15 on 13 March, Private A. P., who was
     * wounded by Azerbaijani sniper fire near Kut on 11 March, died of his wounds in hospital"): group {@code when} is
     * the death's time, no time of the event (as {@link #CEASEFIRE_OPENING} for a ceasefire's clause). Not a sentence
     * whose subject acts ("At 06:15, Azerbaijani snipers wounded a soldier near Kut, who died of his wounds in
     * hospital").
     */
    static final Pattern DEATH_OPENING = p("(?:^|(?<=[.!?;\\n]))\\s*+(?<when>" + TIME_WORD + "(?:\\s+" + TIME_WORD
            + "){0,9}),\\s*(?:(?!" + NO_SUBJECT_WORD + ")[\\p{L}\\p{N}.'’-]+\\s+){0,7}?"
            + "(?:(?!" + NO_SUBJECT_WORD + ")[\\p{L}\\p{N}.'’-]+)\\s*,?\\s+(?:who\\s+(?:was|had\\s+been|has\\s+been)\\s+"
            + "(?:\\w+ly\\s+)?(?:wounded|injured)\\b"
            // a bare participle is the victim's only before where, when or by what ("a soldier wounded by …"), not
            // before an object ("Azerbaijani snipers wounded a soldier, who later died in hospital": they acted)
            + "|(?:\\w+ly\\s+)?(?:wounded|injured)(?=\\s*,|\\s+(?:by|in|during|near|at|on|as|when|while|after|from|"
            + "earlier|previously|yesterday|last)\\b))[^.;!?]{0,200}?\\b(?:died|passed\\s+away|succumbed)\\b"
            + "(?=[^.;!?]{0,120}?\\b(?:wounds|injuries|hospital)\\b)");

    /**
     * An announced time, no time of a reported event: when a ceasefire takes effect ("an agreement was reached … on a
     * ceasefire from 20:00 Moscow time on 22 September", "a humanitarian truce as of 06:00 tomorrow", "the ceasefire
     * regime starting at noon") or when something will ("the ceasefire will enter into force at 20:00", "Geodetic work
     * is to begin on 25 April"), or when it did ("a ceasefire, which took effect at 18:30
     * Moscow time"). Group {@code when}: the clocks, zones and days right after it. Not a ceasefire broken
     * over a range ("violated the ceasefire from 20:10 to 20:25": the event's own times).
     */
    static final Pattern ANNOUNCED_TIME = p("\\b(?:(?<!\\b(?:violat\\p{L}{0,6}|breach\\p{L}{0,4}|broke|broken|break\\p{L}{0,4})"
            + "\\s{1,3}(?:of\\s{1,3})?(?:the\\s{1,3}|a\\s{1,3})?)(?:ceasefire|cease-fire|truce|armistice|moratorium|"
            + "humanitarian\\s+pause)(?:\\s+regime)?(?:\\s+(?:was|is|has\\s+been)\\s+(?:agreed|declared|announced|established|"
            + "reached)\\s*+,?)?\\s+(?:from|as\\s+of|effective(?:\\s+(?:from|as\\s+of))?|"
            + "(?:starting|beginning)\\s+(?:at|from|on))"
            + "|(?:will|shall|is\\s+to|are\\s+to)\\s+(?:(?:enter|come|go)\\s+into\\s+(?:force|effect)|take\\s+effect|"
            + "begin|start|commence)(?:\\s+(?:at|from|on|as\\s+of))?"
            // in the past: "agreed on a ceasefire, which took effect at 18:30 Moscow time"
            // or told of "it" after the ceasefire in its sentence: "an agreement on a complete cessation of hostilities has
            // been reached; it entered into force at 13:00 today" (`h74-14`)
            + "|(?:" + CEASEFIRE_WORD + "|moratorium|humanitarian\\s+pause)(?:\\s+regime)?(?:\\s*+,?\\s+"
            + "(?:(?:which|that)\\s+)?|[^.;]{0,100}?;\\s*it\\s+"
            // or a relative clause after the ceasefire's parties and place: "welcomes the ceasefire between Armenia and
            // Azerbaijan along the border with Nakhchivan, which took effect at 08:00 today" (`h79-19`)
            + "|[^.;,]{1,90}?,\\s*which\\s+)(?:took\\s+effect|(?:came|entered|went)\\s+into\\s+(?:force|effect))"
            + "(?:\\s+(?:at|from|on|as\\s+of))?)"
            + "(?<when>(?:\\s*+(?:(?:at|on|from)\\s+)?(?:(?:about|around|approximately)\\s+)?"
            + "(?:\\d{1,2}[:.]\\d\\d(?:\\s*hrs)?|\\d{1,2}\\s*[ap]\\.?m\\.?|noon|midnight|\\d{1,2}(?:st|nd|rd|th)?\\s+\\p{L}+"
            + "(?:\\s+\\d{4})?|(?-i:\\p{Lu})\\p{L}+\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|today|tomorrow|tonight|"
            + "(?:local|moscow|baku|yerevan)\\s+time|\\((?:gmt|utc)[^)]{0,8}\\)))++)"
            // a range after it is the event's own span ("a ceasefire from 20:00 until …" is left as it was)
            + "(?!\\s*(?:to|until|till|and|[-–—])\\s*\\d)");

    /**
     * A side's leader whose words a statement calls a threat of force ({@link #CALLED_A_THREAT}): "the President of
     * Azerbaijan", "Azerbaijan's president", "the Azerbaijani leadership", "Aliyev", "Baku" (group {@code am} or
     * {@code az} says whose).
     */
    private static final String LEADER = "(?:(?:president|prime\\s+minister|leader(?:ship)?|head\\s+of\\s+state|government|"
            + "(?:defen[cs]e|foreign)\\s+minister)\\s+of\\s+(?:the\\s+republic\\s+of\\s+)?(?:(?<am>armenia)|(?<az>azerbaijan))"
            + "|(?:(?<am2>armenia['’]s|armenian)|(?<az2>azerbaijan['’]s|azerbaijani))\\s+(?:president|prime\\s+minister|"
            + "leader(?:ship)?|head\\s+of\\s+state|government|(?:defen[cs]e|foreign)\\s+minister)"
            + "|(?<am3>pashinyan|yerevan)|(?<az3>aliyev|baku))\\b";

    /**
     * Words of the other side's leader that a statement calls a threat of force: "The statement made yesterday by the
     * President of Azerbaijan that the corridor … will be opened 'whether Armenia wants it or not' is nothing less than
     * a threat to use force", "Aliyev's remarks … amount to an open threat of war". The words are a {@code THREAT}
     * claimed of the speaker's side, made on the day of the words. Only with "is / was / constitutes / amounts to /
     * represents" and at most a qualifier ("nothing less than", "an open", "a thinly veiled") before the threat, so
     * "is a response to the threat of force" is none. Group {@code words}: the words and their speaker.
     */
    static final Pattern CALLED_A_THREAT = p("(?<words>\\b(?:statements?|words|remarks|rhetoric|speech|declarations?|"
            + "claims?|threats)\\b[^.;!?]{0,200}?" + LEADER + "[^.;!?]{0,300}?)\\b(?:is|was|are|were|constitutes?|"
            + "amounts?\\s+to|represents?)\\s+(?:(?:nothing\\s+(?:less|other|short)\\s+(?:than|of)|nothing\\s+but|clearly|"
            + "effectively|essentially|in\\s+fact|tantamount\\s+to|equivalent\\s+to)\\s+)?(?:an?\\s+)?(?:(?:open|direct|"
            + "explicit|overt|veiled|thinly[\\s-]veiled|undisguised|clear|blatant|unconcealed)\\s+)?threats?\\s+"
            + "(?:to\\s+use\\s+(?:military\\s+)?force|of\\s+(?:the\\s+use\\s+of\\s+)?(?:military\\s+)?force|"
            + "of\\s+(?:war|aggression|military\\s+action))\\b");

    /**
     * The number of an article, part, paragraph, clause, section, law, decree, resolution or case ("under Part 2 of
     * Article 155 of the Criminal Code", "case No. 12345", "UN Security Council Resolution 2722", "Articles 100 and
     * 329"): a label that counts no one, blanked before the casualties are counted. The heading word must stand right
     * before the number (or "No." / "№" after it), so that "155 people were killed" and "under the law, two servicemen"
     * stay counts.
     */
    static final Pattern LEGAL_NUMBER = p("(?:\\b(?:articles?|art\\.|parts?|paragraphs?|para\\.|clauses?|sections?|laws?|"
            + "decrees?|resolutions?|cases?)\\s+(?:(?:no|nr|number)\\.?\\s*|№\\s*)?|\\bnos?\\.\\s*|№\\s*)"
            + "\\d++(?:[./-]\\d++)*+(?:\\s*(?:,|and|or|&)\\s*\\d++(?:[./-]\\d++)*+(?!\\s*(?:[\\p{L}-]+\\s+){0,3}?"
            + "(?:killed|wounded|injured|dead|died|people|persons|servicem[ae]n|soldiers|civilians)\\b))*");

    /** The age figure after a name in {@link #AGE}: ", 54," or " (19)". */
    private static final String AGE_AFTER_NAME = "(?:,\\s*\\d{1,3}(?=\\s*[,;.)])|\\s*\\(\\s*\\d{1,3}\\s*\\))";

    /**
     * A person's age ("Armen S., 54, was wounded", "Anahit Petrosyan, 67; Gor Avetisyan, 12", "aged 55",
     * "a 67-year-old shepherd", "Karen (19)", "19 years old"): a figure that counts no one, blanked before the
     * casualties are counted. After a comma only behind a first name and a surname or initial, and only when the
     * figure stands alone before a comma, semicolon, full stop or bracket, so that "in Tegh, 3 soldiers" stays a count.
     */
    static final Pattern AGE = Pattern.compile(
            // the figure after the name is looked for first: the look-behind of a name, tried at every position, was
            // the costly part (the same matches)
            // and before that, that the character before is one a name can end with (as the look-behind below
            // requires): the look-ahead's "\\s*" ran to the end of every run of spaces from each of its positions,
            // quadratic on a text blanked to spaces
            "(?<=[\\p{L}.'’-])(?=" + AGE_AFTER_NAME + ")"
            + "(?<=\\p{Lu}\\p{Ll}{1,20}\\s{1,3}(?:\\p{Lu}\\.|\\p{Lu}[\\p{L}'’-]{1,30}))" + AGE_AFTER_NAME
            + "|(?i:\\baged\\s+\\d{1,3}\\b|\\b\\d{1,3}[-\\s]years?[-\\s]old\\b)");

    /**
     * The enemy's losses a side tells ("According to preliminary information, two servicemen of the enemy were
     * killed", "three enemy soldiers were wounded", "the enemy suffered losses: two servicemen … were wounded"): not the
     * telling side's losses, so the figure and its verb are blanked before the casualties are counted (`ch-i55-01`,
     * `ch-i58-01`; the side's own losses beside them still count).
     */
    static final Pattern ENEMY_LOSSES = Pattern.compile("(?i)\\b(?:\\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten"
            + "|several|many|dozens\\s+of)\\s+(?:enemy\\s+(?:servicem[ae]n|soldiers?|troops|personnel|fighters)"
            + "|(?:servicem[ae]n|soldiers?|troops|personnel|fighters)\\s+of\\s+the\\s+enemy)"
            + "\\s+(?:(?:were|was|have\\s+been|had\\s+been)\\s+)?(?:killed|wounded|injured|eliminated)\\b"
            // "the enemy suffered losses: two servicemen of the Armenian armed forces were wounded" (h56-18): what
            // follows the colon is the enemy's toll, whoever it names, up to the end of its sentence
            + "|\\b(?:the\\s+)?(?:enemy|adversary|opponent|opposing\\s+side)\\s+(?:has\\s+|had\\s+)?suffered\\s+"
            + "(?:[\\w-]+\\s+)?(?:losses|casualties)\\s*[:—–-]\\s*[^.;]{0,200}");

    /**
     * Animals counted ("14 sheep were killed", "several head of cattle", "two cows and a horse"): livestock killed or
     * wounded are no casualties, so the figure and the animal are blanked before the casualties are counted. A person
     * counted beside them still counts ("a shepherd was wounded and 14 sheep were killed": one wounded), but not their
     * owner ("fourteen sheep belonging to a local farmer were killed": no one).
     */
    static final Pattern ANIMALS = p("\\b(?:\\d{1,3}(?:,\\d{3})*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
            // every number word up to ninety-nine ("fourteen sheep", "twenty-five goats"), not only the round ones
            + "twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
            + "(?:[-\\s](?:one|two|three|four|five|six|seven|eight|nine))?|a\\s+hundred|hundreds\\s+of|dozens?\\s+of|"
            + "a\\s+dozen|a\\s+few|several|many|a\\s+number\\s+of)"
            + "\\s+(?:head\\s+of\\s+)?(?:[\\w-]+\\s+)?(?:sheep|lambs?|cows?|cattle|calves|goats?|horses?|donkeys?|mules?|bulls?|"
            + "oxen|buffalo(?:es)?|pigs?|livestock|animals?|dogs?|poultry|chickens?|hens?|geese|ducks?|beehives?)\\b"
            // and their owner, who is no victim: "fourteen sheep belonging to a local farmer were killed"
            + "(?:,?\\s+(?:belonging\\s+to|owned\\s+by|of)\\s+(?:an?\\s+|the\\s+|one\\s+|[\\w-]+['’]s\\s+)?(?:[\\w-]+\\s+){0,2}"
            + "(?:farmers?|villagers?|residents?|shepherds?|herd(?:er|sman|smen)s?|famil(?:y|ies)|m[ae]n|wom[ae]n|owners?|"
            + "citizens?|inhabitants?)\\b)?");

    /**
     * Weapons found on someone or seized ("two hunting rifles were found in their possession", "a machine gun and
     * ammunition were confiscated"), or carried by someone ("detained a citizen carrying a hunting rifle", "a man who
     * was carrying a pistol"): in such a sentence without a fire word, the weapons describe no fire.
     */
    static final Pattern SEIZURE = words("(?:was|were|been)\\s+found\\b|found\\s+(?:on|in|with)\\s+(?:them|him|her|"
            + "their|his)\\b|in\\s+(?:their|his|her)\\s+possession|seiz(?:ed|ure)\\b|confiscat\\w*|"
            // the finders first: "officers found 2,300 rounds of ammunition and two hunting rifles hidden …" (`h95-23`)
            + "found\\s+(?:[\\w,'’-]+\\s+){0,8}?(?:rifles?|guns?|pistols?|shotguns?|weapons?|firearms?|grenades?|"
            + "ammunition)\\b|"
            + "carr(?:ying|ied|ies|y)\\s+(?:an?\\s+|two\\s+|his\\s+|her\\s+|their\\s+)?(?:[\\w-]+\\s+){0,2}?"
            + "(?:rifles?|guns?|pistols?|shotguns?|weapons?|firearms?|grenades?|ammunition)\\b|"
            // what someone crossed the border with: "after illegally crossing the state border with a hunting rifle"
            + "cross(?:ed|es|ing)?\\s+(?:the\\s+)?(?:state\\s+)?border\\s+(?:[\\w-]+\\s+){0,4}?with\\s+"
            + "(?:an?\\s+|two\\s+|his\\s+|her\\s+|their\\s+)?(?:[\\w-]+\\s+){0,2}?"
            + "(?:rifles?|guns?|pistols?|shotguns?|weapons?|firearms?|grenades?|ammunition)\\b");
    static final Pattern WEAPON_WORDS = words("(?:hunting\\s+|sniper\\s+|assault\\s+)?rifles?\\b|machine[\\s-]+guns?\\b|"
            + "pistols?\\b|(?:hand\\s+)?grenades?\\b|grenade\\s+launchers?\\b|guns?\\b|cartridges?\\b|ammunition\\b|"
            + "mortar\\s+(?:shells|rounds|mines)\\b|shells\\b");
    static final Pattern FIRE_CUE = words("fir(?:e|ed|ing)\\b|shots?\\b|shoot\\w*|shell(?:ed|ing)\\b|gunfire\\b");

    /** Any of the three above, for one cheap scan of a text that has none. */
    static final Pattern NON_EVENT_CUE = Alternations.compile(CLEARANCE.pattern() + "|" + RELEASE.pattern() + "|"
            + MINE_RECORDS.pattern() + "|" + MINE_TOPIC.pattern() + "|"
            + SEIZURE.pattern(), FLAGS);

    /**
     * People carried off across the line: "surrounded six Armenian servicemen … and took them to the Azerbaijani side",
     * "took two soldiers captive", "taken hostage". A capture ({@code DETENTION}). Whom is said (a passive "were taken to
     * the Armenian side" may be remains or released people on their way home).
     */
    private static final String TAKEN_ACROSS = "(?:took|dragged)\\s+(?:away\\s+)?(?:them|him|her|(?:[\\w-]+\\s+){0,3}?"
            + "(?:servicem[ae]n|soldiers?|people|civilians?|residents?|persons?|men|shepherds?))\\s+(?:away\\s+)?"
            + "(?:to|into)\\s+(?:the\\s+)?(?:azerbaijani|armenian|other|enemy['’]?s?|opposite)\\s+(?:side|territory)\\b|"
            + "forcibly\\s+(?:taken|moved|led)\\s+(?:to|into)\\s+(?:the\\s+)?(?:azerbaijani|armenian|other|enemy['’]?s?|"
            + "opposite)\\s+(?:side|territory)\\b|"
            + "took\\s+(?:[\\w-]+\\s+){0,4}?(?:captive|prisoner|hostage)s?\\b|taken\\s+hostage\\b|kidnap\\w*";

    static final Pattern DETENTION_WORDS = words("detainees?\\b|captives?\\b|prisoners?\\b|pows?\\b|"
            // in a release sentence the crossing is the way home: "the ICRC took the released men to the Armenian side"
            + TAKEN_ACROSS + "|"
            // the people released, described by a participle: "32 servicemen detained by Azerbaijan were released"
            // ("the citizen of Armenia detained on 19 May near Kheyrimli was handed over", "a resident who was detained")
            + "(?:servicem[ae]n|soldiers?|persons?|people|civilians?|citizens?|residents?|nationals?|men|troops)"
            + "(?:\\s+of\\s+(?:the\\s+republic\\s+of\\s+)?(?:armenia|azerbaijan))?\\s+"
            + "(?:(?:who|that)\\s+(?:were|was|had\\s+been|have\\s+been|has\\s+been)\\s+)?(?:detained|captured|held)\\b|"
            + "(?:detained|captured)\\s+(?:[\\w-]+\\s+)?(?:servicem[ae]n|soldiers?|persons?|people|civilians?|citizens?)\\b|"
            // the time since which those released were held: "the release of two servicemen held in Azerbaijan since
            // they were detained near Ahmadli on 27 May" (background of the release, no detention told now)
            + "since\\s+(?:(?:they|he|she)\\s+(?:were|was|had\\s+been)\\s+(?:apprehended|detained|captured|arrested|"
            + "taken\\s+(?:prisoner|captive))|(?:their|his|her)\\s+(?:capture|arrest|detention|apprehension))\\b");

    /**
     * What the people fired at, wounded or captured were doing ("Armenian servicemen who were carrying out engineering
     * work near Tegh", "soldiers carrying out fortification works", "units performing engineering work", "while carrying
     * out engineering work"): their
     * activity when it happened, no event of its own in a sentence that tells another event. Alone ("patrols observed
     * Azerbaijani servicemen carrying out engineering works") it is the event.
     */
    static final Pattern ACTIVITY_OF_PEOPLE = p("\\b(?=carrying|conducting|performing|doing|engaged|busy|involved|working)"
            // who was doing it: looked behind only where such a verb starts
            + "(?<=\\b(?:(?:who|that)\\s{1,3}(?:were|was|had\\s{1,3}been|have\\s{1,3}been|are|is)|while|when|servicem[ae]n|"
            + "soldiers?|troops|personnel|workers|sappers|builders|guards|residents|civilians|farmers|"
            // "at Azerbaijan Army units performing engineering work near the Lachin border checkpoint"
            + "units|subunits|teams|crews|engineers)\\s{1,3})"
            + "(?:carrying\\s+out|conducting|performing|doing|engaged\\s+in|busy\\s+with|involved\\s+in|working\\s+on)\\s+"
            + "(?:[\\w-]+\\s+){0,2}?(?:engineering|fortification|construction)(?:\\s+(?:works?|activit(?:y|ies)|tasks))?\\b"
            // the time of the work: "during engineering works near Sotk, a serviceman was wounded by …"
            + "|\\b(?:during|amid|in\\s+the\\s+course\\s+of)\\s+(?:(?:the|their|his|planned|routine|scheduled)\\s+)?"
            + "(?:[\\w-]+\\s+)?(?:engineering|fortification|construction)\\s+(?:works?|activit(?:y|ies)|tasks)\\b");

    /**
     * A denial's counter-accusation: a sentence that turns the accusation round ("On the contrary, at 21:10 Armenian
     * units fired at our positions", "In reality, the Azerbaijani side opened fire", "It was the Armenian side that
     * fired").
     */
    static final Pattern COUNTER = p("^\\W*(?:on\\s+the\\s+contrary|in\\s+fact|in\\s+reality|actually|in\\s+truth|"
            + "the\\s+truth\\s+is|instead|rather|in\\s+turn)\\b|\\bit\\s+was\\s+(?:the\\s+)?(?:armenian|azerbaijani|"
            + "enemy|opposing|other)\\b[^.;]{0,40}?\\b(?:that|who|which)\\b|"
            // the own side's fire told as an answer after a denial: "At about 18:40 the Azerbaijani side opened fire at
            // Armenian positions near Norabak; our units returned fire …" (the other side fired first)
            + "(?<!\\bnot\\s{1,3}|n['’]t\\s{1,3}|\\bnever\\s{1,3})\\b(?:returned|responded\\s+with)\\s+(?:the\\s+)?(?:retaliatory\\s+)?fire\\b");

    /**
     * A counter-accusation inside the sentence that denies, after the denial: reported speech ("…, the ministry said,
     * adding that Azerbaijani units had themselves fired at …") or a clause after a semicolon ("… is false; on the
     * contrary, Armenian units fired …"). The clause runs to the end of the sentence.
     */
    // A run of white space is entered only at its start ("(?<!\\s)", and the region's start passes it) and taken
    // possessively (a word follows it): tried from every space of a long run, "\\s+" re-scanned the run each time,
    // quadratic on a text blanked to spaces. A match from inside a run implies one from the run's start, which find()
    // tries first, so the matches are the same
    static final Pattern COUNTER_CLAUSE = p("(?:,\\s*+|(?<!\\s)\\s++)(?:(?:and|while|but)\\s++)?(?:adding|added|adds)\\s++that\\b|"
            + ";\\s*+(?:on\\s+the\\s+contrary|in\\s+fact|in\\s+reality|in\\s+truth|instead)\\b");

    /** A sentence that continues a counter-accusation with its consequences ("As a result, a serviceman was wounded"). */
    static final Pattern CONSEQUENCE = p("^\\W*(?:as\\s+a\\s+result|consequently|because\\s+of\\s+this)\\b|"
            + "\\b(?:killed|wounded|injured|died|martyred)\\b");

    /** A bare "confirms": with nothing else, it may confirm a patrol or a handover rather than an observed event. */
    static final Pattern BARE_CONFIRM = p("^confirm(?:s|ed|ing)?$");

    /**
     * A date carried by an event noun ("traces of shelling on 11 May", "the attack of 5 June", "bullet marks consistent
     * with shots fired on the evening of 5 December"): the event's date.
     */
    static final Pattern EVENT_DATE_BEFORE = p("\\b(?:shelling|fire|firing|shooting|shots|gunfire|attacks?|strikes?|"
            + "explosions?|incidents?|provocations?)\\s+(?:(?:that|which)\\s+(?:took\\s+place|occurred|happened)\\s+)?"
            // "consistent with shots fired on the evening of 5 December"
            + "(?:(?:fired|opened|launched|carried\\s+out)\\s+)?"
            + "(?:on|of)\\s+(?:the\\s+)?(?:(?:early\\s+|late\\s+)?(?:morning|afternoon|evening|night)\\s+of\\s+(?:the\\s+)?)?$");

    /**
     * A date of an observer's visit or patrol ("a patrol visited Sotk on 12 May", "returning on 5 May"): not the event's
     * beside one above.
     */
    static final Pattern VISIT_DATE_BEFORE = p("\\b(?:visit(?:ed|s|ing)?|patroll?(?:ed|ing|s)?|inspect(?:ed|ing|ion)|went|"
            + "return(?:ed|ing)?|travell?ed|arrived|toured|deployed)\\b[^.;]{0,40}?\\b(?:on|of)\\s+(?:the\\s+)?$");

    /**
     * A date that opens the visit's clause, read after it: "On 9 October an EUMA patrol visited Khnatsakh … and saw
     * bullet holes …, damage from the shooting of 8 October" (`h59-11`) — its subject up to six words, then the visit's
     * verb, or the verb of what the visitors found there: "On 13 May, a Mission patrol in Sotk documented the traces of
     * the shooting of 12 May reported by …" (`h99-11`). Like {@link #VISIT_DATE_BEFORE}, only beside a date of {@link
     * #EVENT_DATE_BEFORE}.
     */
    static final Pattern VISIT_DATE_AFTER = p("^\\s*+,?\\s*+(?:[\\p{L}'’-]++\\s++){1,6}?(?:visited|patroll?ed|inspected|went|"
            + "returned|travell?ed|arrived|toured|(?:was|were)\\s+deployed|"
            + "documented|recorded|observed|saw|found|noted|photographed|examined|verified)\\b");

    /**
     * A date that opens a span only to compare ("the first such incident since 12 May", "the heaviest shelling since
     * September 2022"): no event date.
     */
    static final Pattern COMPARED_SINCE = p("\\b(?:first|worst|largest|heaviest|deadliest|biggest|fiercest|gravest|"
            + "highest|longest|most\\s+[\\p{L}-]+)\\b[^.;:!?]{0,60}?\\b(?:ever\\s+)?since\\s+(?:the\\s+[\\p{L}]+\\s+of\\s+)?$");

    /** A day that dates a report named right after it: "Yesterday's claim of the Ministry …", "the 4 May statement". */
    private static final String REPORT_AFTER = "^(?:['’]s)?\\s+(?:statements?|reports?|claims?|communiqu[eé]s?|"
            + "press[\\s-]+releases?|announcements?|updates?|briefings?)\\b";
    static final Pattern REPORT_DATE_AFTER = p(REPORT_AFTER);

    /** ... or the date is followed by the statement it dates ("its 11 November statement"). */
    static final Pattern STATEMENT_DATE_AFTER = p(REPORT_AFTER
            // "today's Cabinet session", "Monday's government meeting": the day of a meeting, not of an event
            + "|^['’]s\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:session|meeting|sitting|press\\s+conference|summit|talks|"
            + "interview|address|speech|hearing)s?\\b");

    /**
     * A parade or its show of arms: "a military parade was held in the capital", and the sentences that tell what passed
     * by ("tanks and strike drones passed through the square", "were displayed"). Weapons shown are no border event.
     */
    static final Pattern PARADE = words("(?:military\\s+)?parades?\\b|paraded\\b");
    static final Pattern PARADE_DISPLAY = words("passed\\s+(?:through|along|across|by)\\b|paraded\\b|marched\\b|"
            + "rolled\\s+(?:through|along|across|past)\\b|(?:was|were)\\s+(?:displayed|demonstrated|shown|exhibited)\\b");

    /**
     * A sentence that opens with a whole year ("In 2025, …", "During the past year …", "Over the year 2025 …") and
     * counts things ("prevented 412 attempts", "seized more than 1.2 tonnes"): a yearly tally, no event of its own.
     */
    static final Pattern YEAR_OPENING = p("^\\W*(?:in|during|over|throughout)\\s+(?:the\\s+(?:whole\\s+|entire\\s+)?"
            + "(?:(?:past|last)\\s+)?year(?:\\s+(?:of\\s+)?(?:19|20)\\d{2})?|(?:the\\s+year\\s+)?(?:19|20)\\d{2})"
            + "(?![\\w/\u2013-])");
    static final Pattern YEAR_TALLY_COUNT = words("(?:more\\s+than\\s+|over\\s+|about\\s+|some\\s+)?\\d[\\d,.]*\\s+"
            + "(?:[\\w-]+\\s+){0,2}?\\p{L}+s\\b");

    /**
     * A report withdrawn as unconfirmed, no party named as its author: "the information spread earlier today about a
     * ceasefire violation near Nerkin Hand was not confirmed", "earlier reports of shooting near Tegh have not been
     * confirmed". The event it names did not happen (blanked: no claim). A report ascribed to a party ("the information
     * spread by Azerbaijan about … was not confirmed") is that party's claim answered, a denial, and is not matched.
     */
    static final Pattern RETRACTED_REPORT = p("\\b(?:the\\s+|earlier\\s+|previous\\s+)*(?:information|reports?|news|"
            + "messages?)\\b(?:(?!azerbaij|armenia|enemy|adversar|opposing|opponent)[^.;]){0,160}?\\b(?:was|were|has|have)"
            + "\\s+(?:not\\s+been|not)\\s+(?:confirmed|corroborated|verified)\\b");

    /**
     * In a denial, a sentence that restates or supposes the accusation rather than saying something in the denier's own
     * word: others' saying, claiming, reporting or alleging, a question put to the denier, a condition ("If a soldier
     * was wounded, …").
     */
    static final Pattern DENIED_CLAIM_CUE = p("\\b(?:says?|said|claims?|claimed|claiming|alleg\\w*|according\\s+to|reports?|"
            + "reported|reporting|accus\\w*|spread|disseminat\\w*|circulat\\w*|statements?|information|story|stories|version|"
            + "if|whether)\\b|^\\s*(?:q|question)\\s*:");

    /** A quoted passage (double, typographic or single quotes at word edges): others' words. */
    static final Pattern QUOTED_PASSAGE = p("\"[^\"]{1,2000}+\"|“[^”]{1,2000}+”|«[^»]{1,2000}+»|(?<![\\p{L}\\d])'[^']{10,2000}?'(?![\\p{L}\\d])");

    /** A casualty participle or verb of a toll. */
    private static final String TOLL_HIT = "(?:killed|wounded|injured|maimed|hurt|crippled|martyred)";
    /** A clause's character: not across a sentence end, a semicolon or ", and / but / while …" (a clause of its own). */
    private static final String TOLL_CLAUSE = "(?:[^.;!?,\\n]|,(?=\\d)|,(?!\\s*(?:and|but|while|whereas|whilst|although)\\b))";
    /**
     * A long period up to now: "since 2020", "since September 2020", "since the end of the war", "over the past three
     * years"; or a named past war as a whole ("as a result of the 2020 war", "during the 44-day war").
     */
    private static final String TOLL_PERIOD = "\\b(?:(?:ever\\s+)?since\\s+(?:(?:the\\s+)?(?:year\\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\s+)?"
            + "(?:19|20)\\d\\d\\b|the\\s+(?:end\\s+of\\s+(?:the\\s+)?)?(?:(?:\\d+|forty-four)-day\\s+|first\\s+|second\\s+|karabakh\\s+|"
            + "patriotic\\s+|last\\s+)?(?:war|conflict|hostilities|ceasefire)\\b)|(?:over|in|during|within|for)\\s+the\\s+(?:past|last)\\s+"
            + "(?:(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|few|several|many)\\s+)?(?:years?|decades?|months)\\b"
            // "As a result of the 2020 war, 3,800 servicemen were killed": a named past war is the whole period
            + "|(?:as\\s+a\\s+result\\s+of|in|during|throughout)\\s+the\\s+(?:(?:19|20)\\d\\d|(?:\\d+|forty-four)-day|"
            + "(?:first|second)\\s+karabakh|patriotic)\\s+war\\b)";
    /** A running total up to now, which counts only with a perfect: "to date", "in total". */
    private static final String TOLL_TOTAL = "\\b(?:to\\s+date|in\\s+total)\\b";
    private static final String TOLL_PERFECT = "(?:have|has)\\s+(?:(?:already|reportedly|so\\s+far)\\s+)?(?:been\\s+(?:either\\s+)?"
            + TOLL_HIT + "|" + TOLL_HIT + "|claimed\\s+the\\s+lives|lost\\s+their\\s+lives|died|fallen\\s+victims?|become\\s+victims?)\\b";
    private static final String TOLL_PAST = "(?:(?:were|was)\\s+" + TOLL_HIT + "|died|lost\\s+their\\s+lives|fell\\s+victims?)\\b";
    /** Present progressive or habitual: "are still being killed and wounded", "continue to be maimed", "are killed every year". */
    private static final String TOLL_ONGOING = "(?:(?:are|is)\\s+(?:still\\s+|constantly\\s+|regularly\\s+)?being\\s+" + TOLL_HIT
            + "|continues?\\s+to\\s+be\\s+" + TOLL_HIT + "|(?:are|is)\\s+(?:still\\s+)?" + TOLL_HIT
            + "\\s+(?:every|each)\\s+(?:year|month|week))\\b";

    /**
     * A cumulative toll over a long period, or an ongoing one, told as background: "since 2020 more than 300 of our
     * citizens have been killed or wounded by these mines", "mines have killed 52 civilians over the past three years",
     * "to date 65 people have been killed", "our servicemen and civilians are still being killed and wounded". No
     * casualty count of an event and no hostile act: the whole clause (not across a semicolon or ", and …", so "On
     * Monday a mine killed two deminers; since 2020 …" keeps its event). {@link #TOLL_EVENT_DAY} inside it keeps it.
     */
    static final Pattern CUMULATIVE_TOLL = p(TOLL_PERIOD + TOLL_CLAUSE + "{0,120}?\\b(?:" + TOLL_PERFECT + "|" + TOLL_PAST + "|"
            + TOLL_ONGOING + ")" + TOLL_CLAUSE + "*"
            + "|" + TOLL_TOTAL + TOLL_CLAUSE + "{0,120}?\\b" + TOLL_PERFECT + TOLL_CLAUSE + "*"
            + "|(?<![\\p{L}\\d])" + TOLL_CLAUSE + "{0,200}?\\b(?:" + TOLL_PERFECT + TOLL_CLAUSE + "{0,120}?\\b(?:" + TOLL_PERIOD + "|" + TOLL_TOTAL
            + ")|" + TOLL_ONGOING + ")" + TOLL_CLAUSE + "*");

    /*
     * Pre-checks for CUMULATIVE_TOLL, no rules of their own: every toll has its verb behind a word boundary, a perfect
     * or ongoing one in any of its forms and a simple past only after a long period or a running total. A text with
     * none of them has no toll, and the costly lazy scan of every clause can be skipped.
     */
    /** A perfect or ongoing toll verb ("have been killed", "are still being wounded"). */
    static final Pattern TOLL_PERFECT_OR_ONGOING = p("\\b(?:" + TOLL_PERFECT + "|" + TOLL_ONGOING + ")");
    /** A simple past toll verb ("were killed", "died"). */
    static final Pattern TOLL_PAST_VERB = p("\\b" + TOLL_PAST);
    /** A long period up to now or a running total ("since 2020", "to date"). */
    static final Pattern TOLL_PERIOD_OR_TOTAL = p(TOLL_PERIOD + "|" + TOLL_TOTAL);

    /**
     * A day or an incident of its own inside a toll clause ("two were killed on Monday in the deadliest incident since
     * 2020"): an event, not a toll.
     */
    static final Pattern TOLL_EVENT_DAY = p("\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|"
            + "tonight|last\\s+night|this\\s+(?:morning|afternoon|evening)|\\d{1,2}\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
            + "(?:january|february|march|april|may|june|july|august|september|october|november|december)\\s+\\d{1,2}(?!\\d)|"
            + "(?:deadliest|worst|heaviest|largest|biggest|first|most\\s+\\w+)\\s+(?:\\w+\\s+){0,2}since)\\b");

    /**
     * A state that has lasted since an earlier event, the event only its time: "schools closed since the shelling earlier
     * this month", "families displaced since the attacks in September", "the road, shut ever since the shelling".
     */
    static final Pattern STATE_SINCE_EVENT = p("\\b(?:closed|shut|empty|evacuated|displaced|deserted|abandoned|homeless|"
            + "suspended|cancell?ed|interrupted|out\\s+of\\s+(?:use|service)|without\\s+(?:power|electricity|gas|water))"
            + "\\s+(?:ever\\s+)?since\\s+(?:the\\s+)?(?:recent\\s+|last\\s+)?(?:shelling|attacks?|fighting|hostilities|"
            + "escalation|strikes?|clashes|bombardment|incident)\\b(?:\\s+(?:earlier|late)\\s+this\\s+(?:month|week|year)|"
            + "\\s+(?:last|this)\\s+(?:week|month)|\\s+(?:in|of)\\s+[\\w ]{1,20}?(?=[,.;]))?");

    /**
     * The clause of a self-reported response that names what it responds to ("In response to the provocation near
     * Yeraskh, our units ...", also across a clock's colon: "… committed yesterday at around 19:30 by units of …", "Following the provocation committed by … on the 10th, units … took retaliatory measures"): up to the end of the clause, or to the responding side as subject ("our units",
     * "we"; "fire at our post" is still the answered clause; a relative clause after it, ", which wounded one of our
     * border guards,", with it); and a relative clause in the pluperfect after the
     * response's target ("… fired at the positions in the direction of Khanazakh, from which yesterday's provocation
     * in the Gubadli direction had been committed").
     */
    static final Pattern ANSWERED_CLAUSE = p("\\b(?:in\\s+(?:response|retaliation|reply|revenge)\\s+(?:to|for)|"
            + "as\\s+(?:an?\\s+)?(?:response|retaliation|retaliatory|answer)(?:\\s+(?:measures?|steps?|actions?))?\\s+(?:to|for)|(?:retaliat\\w*|revenge|retribution|"
            + "responding|punishment)\\s+(?:to|for)|"
            // "Following the provocation committed by … on the 10th, units of the Azerbaijan Army took retaliatory
            // measures": in a response's text the provocation it follows is what it answers
            + "(?:following|after)(?=\\s+(?:the|an?|this|that|yesterday['’]s)\\s+(?:[\\w-]+\\s+)?(?:provocations?|attacks?|"
            + "shelling|fire|firing)\\b))\\s+(?:(?!\\bwe\\b|(?<!\\b(?:at|on|upon|to|toward|towards|against|of)\\s)"
            + "\\bour\\s+(?:units?|forces|troops|army|servicemen|soldiers|border\\s+guards)\\b)"
            // a clock's or a numeric date's colon or point is no end of the clause: "committed yesterday at around
            // 19:30 by units of the Armenian armed forces against our border post, …" (`h56-19`)
            + "(?:[^.;:,!?]|(?<=\\d)[:.](?=\\d)))++"
            // "… on the Zangilan section yesterday, which wounded one of our border guards,": a relative clause on
            // what is answered is part of it
            + "(?:,\\s*(?:which|that|who)\\s[^.;:,!?]*+)*+"
            // "… fired at the positions …, from which yesterday's provocation in the Gubadli direction had been
            // committed": a relative clause in the pluperfect tells the answered event (only in a response's text)
            + "|\\b(?:from\\s+(?:which|where)|whence)\\s+(?:(?!\\bhad\\b)[^.;:!?]){1,120}?\\bhad\\s+(?:been\\s+)?"
            + "(?:committed|carried\\s+out|opened|fired|launched|conducted|perpetrated|shelled|attacked|staged)\\b"
            + "[^.;:,!?]*+");

    static final Pattern RETALIATION = words("\\bretaliat\\w*|\\brevenge\\b|response\\s+measures?|"
            + "(?<!\\b(?:not|never|without)\\s)\\breturn(?:ed|ing)?\\s+fire\\b|" // not "did not return fire"
            + "retaliatory|punitive\\s+(?:measures|operation)|counter[\\s-]?measures|\\bretribution\\b|"
            + "\\bin\\s+response\\b(?!\\s+to\\s+(?:an?\\s+|the\\s+|this\\s+|that\\s+)?(?:questions?|inquir\\w*|requests?|quer\\w+|"
            + "statements?|reports?|claims?|allegations?|accusations?))|\\bresponse\\s+(?:fire|action|operation)|"
            + "adequate(?:ly)?\\s+respon\\w+|(?:proportionate|proportional|fitting|worthy)\\s+(?:response|rebuff)|"
            + "\\b(?:proportionate|proportional)\\s+(?:retaliatory\\s+|response\\s+)?measures\\b|" // "took proportionate measures"
            // "the provocation was prevented. Our units took adequate measures": a response, as "proportionate"
            + "\\b(?:took|taken|taking|take)\\s+adequate\\s+measures\\b(?!\\s+to\\s+(?:ensure|protect|guarantee|prevent))|"
            + "\\b(?:gave|given|giving|give|delivered|delivering)\\s+(?:an?\\s+)?(?:[\\w-]+\\s+)?rebuff\\b|\\bsuppressed\\s+(?:the\\s+)?(?:enemy['’]s\\s+)?(?:firing\\s+points|fire)|"
            + "\\b(?:firing\\s+points|fire)\\s+(?:[\\w'’-]+\\s+){0,6}?(?:were|was|has\\s+been|have\\s+been)\\s+suppressed|"
            // "Enemy suppressed.", "the enemy was suppressed by return fire", "our units suppressed the adversary": the
            // other side put down is a response (not "the enemy suppressed our posts": the enemy acting on an object)
            + "\\bsuppressed\\s+(?:the\\s+)?(?:enemy|adversary|opponent)\\b|"
            + "\\b(?:enemy|adversary|opponent)\\s+(?:(?:was|were|has\\s+been|had\\s+been|is)\\s+)?suppressed\\b"
            + "(?!\\s+(?:the|our|an?|its|their|his|all|every|\\d)\\b)");

    /**
     * Fire told in the pluperfect in a self-reported response ("destroyed the firing point from which the fire had been
     * opened"): the answered event's fire, not the response's weapon.
     */
    static final Pattern EARLIER_FIRE = p("\\b(?:fire|shots|shooting|firing)\\s+had\\s+been\\s+(?:opened|fired|conducted)\\b"
            + "|\\bhad\\s+(?:opened\\s+fire|fired|shelled)\\b");

    /** Something happened the day before the event (for a retaliation that answers it). */
    static final Pattern DAY_BEFORE = p("the\\s+day\\s+before|the\\s+previous\\s+day|the\\s+previous\\s+night");

    /**
     * A side's ministry or border agency named as the one speaking in a relay ("Azerbaijan's Defence Ministry said",
     * "the Ministry of Defence of Armenia reported", "Armenia's National Security Service"): group 1 or 2 is the side.
     * Not its army or forces, which are actors or targets ("fired on Azerbaijani army positions"). Also "the Azerbaijani
     * ministry" (a side's ministry named again) and the bare "State Border Service" (Azerbaijan's; no group), `h93-04`,
     * `h93-24`.
     */
    static final Pattern RELAYED_BODY = words("(azerbaijan|armenia)(?:n|i)?(?:['’]s)?\\s+(?:(?:defen[cs]e|foreign|interior|"
            + "emergency\\s+situations)\\s+ministry|ministry(?!\\s+of)|"
            + "ministry\\s+of\\s+(?:defen[cs]e|foreign\\s+affairs|internal\\s+affairs)|"
            + "(?:state\\s+)?border\\s+service|national\\s+security\\s+service|prosecutor\\s+general['’]s\\s+office)\\b|"
            + "(?:ministry\\s+of\\s+(?:defen[cs]e|foreign\\s+affairs|internal\\s+affairs)|state\\s+border\\s+service|"
            + "national\\s+security\\s+service)\\s+of\\s+(?:the\\s+republic\\s+of\\s+)?(azerbaijan|armenia)\\b|"
            + "state\\s+border\\s+service\\b");
    /** The verbs of saying a relay attributes with. */
    private static final String SAYING_VERBS = "said|says|reported|reports|stated|states|added|adds|announced";
    /** A verb of saying: "the ministry said", "according to". */
    static final Pattern SAYING = words("(?:" + SAYING_VERBS + "|told|according\\s+to)\\b");
    /** A side named as the one saying: "Baku had said …", "Armenia says …" (group 1 the side). */
    static final Pattern SIDE_SAYING = words("(baku|yerevan|azerbaijan|armenia)(?:['’]s)?\\s+(?:had\\s+|has\\s+)?"
            + "(?:" + SAYING_VERBS + "|claimed)\\b");
    /**
     * A relay's sentence told by the ministry or agency named before it: "The ministry reported no casualties", "…, the
     * ministry said", "It said there were no casualties", "No casualties were reported" (no other speaker), "It gave no
     * village name and reported no casualties" (one clause of its own before "and", from the sentence's start).
     */
    static final Pattern BODY_SAYING = words("^\\s*(?:the\\s+(?:[\\p{L}-]+\\s+)?(?:ministry|agency|service|department)|it)"
            + "\\s+[\\p{L}-]+(?:\\s+[\\p{L}-]+){0,5}\\s+and\\s+(?:" + SAYING_VERBS + ")\\b|"
            + "(?:the\\s+(?:(?:defen[cs]e|foreign)\\s+)?(?:ministry|agency|service|department)|it)"
            + "\\s+(?:(?:also|later|further|had|has)\\s+)?(?:" + SAYING_VERBS + ")\\b|"
            + "according\\s+to\\s+the\\s+(?:ministry|agency|service|statement)\\b|(?:were|was)\\s+reported\\b");

    static final Pattern NO_LOSSES = words("\\bno\\s+(?:other\\s+|further\\s+)?(?:losses|casualties|injuries|fatalities)|"
            + "(?:did|do|does)\\s+not\\s+(?:suffer|sustain|have)\\s+(?:any\\s+)?(?:losses|casualties)|"
            + "\\b(?:was|were)\\s+not\\s+(?:hurt|injured|killed|wounded)|\\bnobody\\s+was\\s+(?:hurt|injured|killed|wounded)|"
            // "No EUMA personnel were injured", "no Armenian servicemen were hurt": one word may name whose people
            + "\\bno\\s+(?:other\\s+|further\\s+)?(?:[\\p{L}-]+\\s+)?(?:civilians?|servicem[ae]n|soldiers?|people|residents?|persons?|"
            + "personnel|staff|monitors|observers|members|border\\s+guards|crew)\\s+(?:was|were)\\s+(?:\\w+ly\\s+)?(?:hurt|injured|killed|wounded|harmed)|"
            + "without\\s+(?:losses|casualties)|no\\s+one\\s+was\\s+(?:hurt|injured|killed|wounded)|"
            // "None of our servicemen were hurt", "none of the residents was injured", "None of the children or the
            // driver was hurt" (one more person named after "or / nor / and")
            + "\\bnone\\s+of\\s+(?:our|the|its|their)\\s+(?:[\\p{L}-]+\\s+)?(?:civilians|servicem[ae]n|soldiers|people|residents|"
            + "personnel|staff|monitors|observers|members|border\\s+guards|crew|troops|children|pupils|passengers|villagers|workers)"
            + "(?:\\s+(?:or|nor|and)\\s+(?:the\\s+|its\\s+|their\\s+)?[\\p{L}-]+)?\\s+(?:was|were|has\\s+been|have\\s+been)"
            + "\\s+(?:\\w+ly\\s+)?(?:hurt|injured|killed|wounded|harmed)|"
            + "there\\s+(?:are|were)\\s+no\\s+(?:losses|casualties)");

    /** An English month's name. */
    private static final String MONTH_NAME = "(?:january|february|march|april|may|june|july|august|september|october|"
            + "november|december)";

    /**
     * A sentence that recalls an earlier event as background ("Recall that on 12 April …", "It should be recalled
     * that …", "As a reminder, …", "Earlier, on 5 June, …", "In May 2021 units had advanced …", "It is the deadliest
     * incident since September 2022, when …"): not the statement's event.
     */
    static final Pattern RECALLED_EVENT = p("\\W*(?:(?:let\\s+us\\s+|we\\s+)?recall\\s+that|(?:it\\s+)?(?:should|must|will|"
            + "is\\s+to)\\s+be\\s+(?:recalled|reminded|noted\\s+that\\s+earlier)|it\\s+is\\s+worth\\s+recalling|to\\s+recall|"
            + "as\\s+a\\s+reminder|reminder:|(?:earlier|previously)\\s*,?\\s+on\\s+(?:the\\s+)?\\d|"
            + "(?:earlier\\s+(?:this|last)|last)\\s+(?:week|month|year)\\b"
            // "In May 2021 Azerbaijani units had advanced near Lake Sev Lich": a month of a year told in the pluperfect
            + "|in\\s+" + MONTH_NAME + "\\s+(?:19|20)\\d\\d\\b(?=[^.;]*\\bhad\\s+(?:been\\s+)?\\w+(?:ed|en|t)\\b)"
            // "It is the deadliest incident on the border since September 2022, when Azerbaijani troops shelled …": the
            // earlier event a comparison recalls
            + "|it\\s+(?:is|was)\\s+the\\s+[^.;]{0,80}?\\bsince\\s+" + MONTH_NAME + "\\s+(?:19|20)\\d\\d\\s*,\\s*when\\b)");

    /**
     * A live page's heading: "LIVE UPDATES | Azerbaijani attack on Armenia", "Live blog: …", "LIVE: …" (the bare word in
     * capitals, so not "live-fire drills"), in the text's first line.
     */
    static final Pattern LIVE_HEADING = Alternations.compile("\\A[^\\n]{0,120}?(?:\\bLIVE\\b(?![-\\s]?fir)|"
            + "(?i:\\blive\\s+(?:updates?|blog|coverage|feed|page)\\b))");

    /**
     * The stamp opening an update of a live page: "00:40 — Azerbaijani forces have been shelling …", "03:15 – Shelling
     * continues." (a clock at a line's start before a dash or bar): when the update was posted, not when the event was.
     */
    static final Pattern UPDATE_STAMP = Alternations.compile("(?m)^[ \\t]*(?:[01]?\\d|2[0-3])[:.][0-5]\\d(?=[ \\t]*[—–|-])");

    /**
     * A paragraph that opens with an anniversary ("Two years ago, on 13 September 2022, …", "On this day three years
     * ago …", "Exactly a year ago …"): background with its figures, not the statement's event, up to the paragraph's
     * end. "Two days ago" is the event's own day, no anniversary.
     */
    // Read with lookingAt(): the look-behind (which passes at the region's start) and the possessive "\\W*+" (a word
    // follows it) keep a search over a long run of spaces linear, the same matches
    static final Pattern YEARS_AGO = p("(?<!\\W)\\W*+(?:exactly\\s+|just\\s+|on\\s+this\\s+day,?\\s+)?(?:a|one|two|three|four|five|six|seven|"
            + "eight|nine|ten|\\d{1,2})\\s+years?\\s+ago\\b");

    /**
     * After an anniversary paragraph, a sentence that points back to it ("those who returned from those days with
     * wounds", "the losses of that night") with no digit or day word of its own: still the anniversary's, no event of
     * the text's own (`h75-07`).
     */
    static final Pattern BACK_TO_THEN = p("\\b(?:from|of|in|during|on|since)\\s+(?:those|that)\\s+(?:days?|nights?|"
            + "events|battles?|attacks?|war|hours)\\b");

    /** A digit or a day word of the publication's own time: a sentence with one may tell an event of its own. */
    static final Pattern OWN_TIME = p("\\d|\\b(?:yesterday|today|tonight|overnight|last\\s+night|this\\s+(?:morning|"
            + "afternoon|evening)|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b");

    /** Right before a place: the direction fire or a sound came from ("from the direction of the border with"). */
    static final Pattern FIRE_ORIGIN_BEFORE = p("\\bfrom\\s+the\\s+(?:direction|side|area)\\s+of\\s+(?:the\\s+)?"
            + "(?:(?:state\\s+)?border\\s+with\\s+)?$");


    /**
     * A refutation's opening clause about the reports it answers, up to its first comma ("In connection with reports
     * by the Ministry of Defence of Azerbaijan of shooting … on 18 August, the Mission informs that its patrols … on 18
     * and 19 August did not observe …", "Following media reports of shooting in Tavush over the weekend, …"): what the
     * reports said, apart from what the observer watched.
     */
    static final Pattern REPORTS_LEAD_IN = p("\\W*(?:in\\s+connection\\s+with|following|with\\s+regard\\s+to|regarding|"
            + "concerning|in\\s+relation\\s+to|with\\s+reference\\s+to|as\\s+regards|in\\s+response\\s+to)\\s+"
            + "(?:[\\w'’-]+\\s+){0,3}?(?:reports?|claims?|statements?|allegations?|information)\\b[^,;:.]*,");

    /**
     * A transcript's question, from its label up to the answer's ("Question: Azerbaijan reported Armenian fire near
     * Chinari on 19 February. Did your monitors see anything? Answer: …"): what the answer answers, not the source's
     * own words.
     */
    // (up to the next label of either kind, taken possessively: one pass over the text however many labels it has)
    static final Pattern QUESTION = p("(?<![\\p{L}\\d])(?-i:Question|Q)\\s*:"
            + "(?:(?!(?<![\\p{L}\\d])(?-i:Answer|A|Question|Q)\\s*:)[\\s\\S])*+");

    /** Words of a recalled sentence that make it about a statement (what a denial answers), not background. */
    static final Pattern ABOUT_A_STATEMENT = p("\\b(?:claim\\w*|statements?|reports?|reported|alleg\\w*|accus\\w*|"
            + "disinformation|spread|information|denied|false|lies?)\\b");

    /** Before an act noun that a state is said to start ({@link #ACTOR}, nat15): "military", "large-scale" … */
    private static final String ACTION_MODIFIER = "(?:(?:military|armed|large-scale|full-scale|new|renewed|ground)"
            + "\\s{1,3})?";

    /** Whose forces: "units of the Armenian armed forces", "Azerbaijani side", "our units". */
    static final Pattern ACTOR = p("\\b(?<nat>our|the\\s+enemy|enemy|armenian|armenia's|azerbaijani|"
            + "azerbaijan's|azerbaijan|armenia|"
            // the channels' short forms of the sides, in capitals: "AZ units fired …", "Az. forces", "RA AF positions",
            // "Arm. AF did not open fire" (RA: the Republic of Armenia; a noun of forces must follow)
            + "(?-i:AZ|Az\\.|RA|Arm\\.))\\s+(?:(?:armed|military|combat|border|special|sabotage|illegal|"
            // the channels' abbreviation of "armed forces": "Armenian AF units stationed in the direction of …"
            + "(?-i:AF)|"
            + "revanchist|militarist\\w*|radical|nationalist|so-called|self-styled|"
            // "accused Armenian separatist forces of opening fire" (`h74-17`): a qualifier, the side's forces still
            + "separatists?|"
            // "Armenia's large-scale provocation", "another Armenian provocation"
            + "large-scale|full-scale|new|latest|regular|serious|"
            + "reconnaissance(?:-sabotage)?|fpv|attack|kamikaze|unmanned|"
            // "an Azerbaijani surveillance quadcopter violated the state border" (like "reconnaissance drone")
            + "surveillance|observation|"
            // the weapon between the side and its fire: "killed in Azerbaijani mortar fire", "Armenian tank fire"
            + "mortar|sniper|small[-\\s]arms|machine[-\\s]gun|tank|rocket|missile|grenade[-\\s]launcher)\\s+)?"
            + "(?<noun>armed\\s+forces|(?-i:AF)(?!\\s+(?:units?|subdivisions?|servicem[ae]n|soldiers?|troops)\\b)|forces|units?|army|subdivisions?|subunits?|detachments?|side|military|troops|soldiers?|snipers?|provocateurs|guards|"
            + "formations|groups?|fire|gunfire|drones?|uavs?|quadcopters?|aerial\\s+vehicles?|artillery|servicem[ae]n|"
            + "aggression|provocations?|attacks?|shelling|offensive|check-?points?|blockade|"
            // "new cases of Azerbaijani shooting at border communities"
            + "shooting|"
            // not a side's firing point, a place: "units … suppressed the Armenian firing point near Nerkin Hand" (`h56-19`)
            + "firing(?!\\s+(?:points?|positions?|posts?|nests?|emplacements?)\\b)|"
            // a side's police and customs, who stop, search and detain: "Azerbaijani police officers … detained both
            // drivers"
            + "police(?:\\s+officers)?|policem[ae]n|customs\\s+officers|"
            // people a side sends to close a road: "Azerbaijani so-called eco-activists have blocked the corridor"
            + "eco-?activists|activists|protesters)\\b"
            + "|\\bgroups?\\s+of\\s+(?<nat2>armenian|azerbaijani)\\s+(?:servicemen|soldiers|military)\\b"
            + "|\\b(?:armed\\s+forces|army|troops|units|military)\\s+of\\s+(?:the\\s+)?"
            + "(?:republic\\s+of\\s+)?(?<nat3>armenia|azerbaijan)\\b(?!['’]s|\\s+(?:army|armed|forces|side|military|"
            + "border|state|republic))"
            + "|\\b(?<nat6>the\\s+(?:enemy|adversary|opponent|opposing\\s+side|other\\s+side|opposite\\s+side))\\b"
            + "(?!['’]s(?!\\s+(?:attack\\s+|kamikaze\\s+|fpv\\s+|sabotage\\s+)?(?:drones?|uavs?|units?|forces|snipers?|"
            + "artillery|fire|troops|servicemen|soldiers|groups?)\\b)|\\s+of\\s+the\\s+(?:border|line|river|road))"
            + "|\\bfrom\\s+(?:the\\s+)?(?:(?:direction|side|area)\\s+of\\s+)?(?:the\\s+)?(?<nat10>armenian|azerbaijani)\\s+"
            + "(?:army\\s+|military\\s+|combat\\s+)?(?:positions?|posts?|trenches|side|firing\\s+(?:points?|positions?))\\b"
            // what a build-up moves, named by its side: "movements of Azerbaijani armoured vehicles and personnel",
            // "the concentration of Armenian military equipment" (the side's troops and forces are actors above)
            + "|\\b(?:movements?|concentrations?|deployments?|redeployments?|build-?ups?|massing|transfers?|accumulation|"
            + "arrival|relocation)\\s+of\\s+(?:(?:additional|new|large|more|further|significant|heavy)\\s+)?"
            + "(?:(?:numbers|amounts|quantities|columns)\\s+of\\s+)?(?<nat11>armenian|azerbaijani)\\s+(?:[\\w-]+\\s+){0,2}?"
            + "(?:equipment|weapons|personnel|manpower|vehicles|armou?r|tanks|mortars|howitzers|launchers|systems)\\b"
            // the same named by a passive of moving: "recorded Azerbaijani personnel, armoured vehicles and artillery
            // being moved towards the state border" (the side that recorded it is no actor)
            + "|\\b(?<nat13>armenian|azerbaijani)\\s+(?:(?:additional|new|heavy|military|armou?red|combat)\\s+)?"
            + "(?:equipment|weapons|personnel|manpower|vehicles|armou?r|tanks|mortars|howitzers|launchers)\\b"
            + "(?=(?:\\s*(?:,|,?\\s+and)\\s+(?:[\\w-]+\\s+){0,2}?[\\w-]+){0,4}\\s+(?:being\\s+|(?:were|was|are|is|have|has|had)\\s+"
            + "(?:being\\s+|been\\s+)?)(?:moved|deployed|redeployed|transferred|brought|concentrated|massed|amassed|"
            + "relocated)\\b)"
            // a side's leaders threatening or its machinery at work: "the Azerbaijani leadership is openly threatening
            // Armenia", "Azerbaijani engineering equipment is digging trenches", "… has been laying a road"
            + "|\\b(?<nat14>armenian|azerbaijani|armenia['’]s|azerbaijan['’]s)\\s+(?:(?:military-political|political|"
            + "military|top|engineering|construction|heavy)\\s+)?(?:leadership|authorities|government|regime|president|"
            + "equipment|machinery|excavators?|bulldozers?)\\s+(?:(?:is|are|was|were|has\\s+been|have\\s+been|has|have|"
            + "continues\\s+to|continue\\s+to|keeps?)\\s+)?(?:[\\w-]+ly\\s+)?(?:threaten\\w*|digging|dug|excavating|"
            + "building|constructing|fortifying|carrying\\s+out|conducting|laying|paving|levell?ing|widening)\\b"
            + "|\\b(?<nat9>state\\s+border\\s+service)\\b" // Azerbaijan's agency of that name (Armenia's are border guard troops)
            // a capital as a place ("patients who need care in Yerevan") is no government
            // nor is a wire report's dateline ("YEREVAN, Sept 13 (Reuters) -", "BAKU (AP) -"), nor a clock's zone
            // ("at around 04:10 Baku time", "17:00 Yerevan time")
            + "|(?<!\\b(?:in|to|near|via|at|around|outside|towards?)\\s{1,3})\\b(?<nat7>baku|yerevan)\\b(?!['’]s|\\s+time\\b)"
            + "(?!\\s*,\\s*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}|\\d{1,2}\\s+[a-z]+)\\b"
            + "|(?:\\s*,[^()\\n]{0,30})?\\s*\\((?:reuters|ap|afp|tass|interfax|apa|armenpress)\\)"
            // the first city of a dateline of several: "YEREVAN/BAKU, Sept 13 (Reuters) -"
            + "|(?:/[\\p{L} .'’-]{1,30})+,)"
            // the side one accuses or blames: "Pashinyan accused Azerbaijan of shelling", "blaming Azerbaijan for …",
            // "Baku accused Yerevan on Monday of shelling" (the accuser is no actor)
            + "|\\b(?:accus(?:ed|es|ing)|blam(?:ed|es|ing))\\s+(?<nat12>armenia|azerbaijan|baku|yerevan)\\s+"
            + "(?:(?:on\\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)\\s+)?(?:of|for)\\b"
            + "|\\b(?:revanchist|militarist\\w*|radical|nationalist)\\s+(?:forces|circles|groups)\\s+(?:in|of)\\s+(?<nat8>armenia|azerbaijan)\\b" // the capitals for the governments ("Yerevan accused Baku of opening fire")
            + "|\\bfrom\\s+(?:the\\s+)?(?:territory|direction|side)\\s+of\\s+(?:the\\s+republic\\s+of\\s+)?"
            + "(?<nat5>armenia|azerbaijan)\\b(?!['’]s|\\s+(?:army|armed|forces|side|military|border|state|republic))"
            // the state an act is said to be begun by: "the military action that Azerbaijan began overnight" (`h61-07`),
            // "the offensive Armenia started" — not a hypothetical ("would condemn any offensive that Azerbaijan
            // started"), not one called alleged or reported (the look-ahead first: the look-behind only at the name)
            + "|\\b(?=(?:armenia|azerbaijan)\\s)(?<=(?<!\\b(?:any|possible|potential|future|planned|alleged|so-called|supposed|purported)\\s{1,3}"
            + ACTION_MODIFIER + ")\\b" + ACTION_MODIFIER + "(?:action|operations?|offensive|attacks?|assault|"
            + "aggression|hostilities)\\s{1,3}(?:(?:that|which)\\s{1,3})?)(?<nat15>armenia|azerbaijan)\\s+"
            + "(?:(?:has|had)\\s+)?(?:(?!(?:alleged|reported|supposed|purported|apparent)ly\\b)\\w+ly\\s+)?"
            + "(?=(?:started|began|begun|launched|unleashed|initiated|mounted|undertook|undertaken|carried\\s+out|"
            + "conducted)\\b)"
            // "Armenia is preparing …"; not "the territory of Armenia was shelled", but a state's rulers "of" it act
            // for it: "the military-political leadership of Armenia is preparing military provocations" (`h71-02`)
            + "|(?<!(?<!\\b(?:leadership|government|authorities|leaders|regime|rulers)\\s)\\bof\\s)"
            + "\\b(?<nat4>armenia|azerbaijan)\\s+(?:(?:is|are|has|have|was|were|had|may|might|could|would|will|"
            + "(?:appears|seems)\\s+to)\\s+(?:(?:be|been|have\\s+been)\\s+)?)?(?:(?:once\\s+)?again\\s+|also\\s+)?(?:\\w+ly\\s+)?"
            + "(?=(?:concentrat|deploy|mass|amass|fir|shell|attack|violat|launch|build|mov|br[io]ng|brought|open|prepar|plan|"
            + "clos|block|seiz|captur|detain|occup|cross|shoot|shot|strik|struck|install|establish|erect|suspend|restrict|halt|"
            + "started\\s+(?:(?:a|an|the|its|new|large-scale|full-scale)\\s+)*(?:military|hostilities|offensive|aggression|war)|"
            + "(?:started|began|begun)\\s+(?:today|yesterday|this|on|in)\\b|(?:began|begun)\\s+(?:(?:a|an|the|its|new|large-scale|full-scale)\\s+)*(?:military|hostilities|offensive|aggression|war)|unleash|initiat)\\w*\\b)");

    /**
     * A side's fire named before the side: "fire from an Azerbaijani sniper", "shots from the positions of the Armenian
     * armed forces" (the words up to the side).
     */
    private static final String FIRE_FROM = "(?:the\\s+|an?\\s+)?(?:(?:small-arms\\s+|sniper\\s+|mortar\\s+|artillery\\s+)?"
            + "(?:fire|gunfire|shots?|bullets?|shelling|shells?)\\s+)"
            + "(?:from|of)\\s+(?:(?:the\\s+)?positions\\s+of\\s+)?(?:the\\s+|an?\\s+)?";

    /** The agent of {@link #PASSIVE_AGENT} and {@link #NOMINAL_AGENT}: a side, its forces, its state or its agency. */
    private static final String AGENT = "(?:the\\s+|an?\\s+)?"
            // the side's fire named first: "wounded by fire from an Azerbaijani sniper", "killed by shots from the
            // positions of the Armenian armed forces"
            + "(?:" + FIRE_FROM + ")?"
            + "(?:(?:units?|servicemen|soldiers|members|forces|snipers?)\\s+of\\s+(?:the\\s+)?)?"
            + "(?:(?<nat>armenian|azerbaijani|armenia's|azerbaijan's|our)\\s+(?:(?:armed|military|combat|border)\\s+)?"
            + "(?:armed\\s+forces|forces|units?|army|side|military|troops|soldiers|snipers?|fire|gunfire|drones?|"
            + "artillery|servicemen|shelling)\\b"
            // people a side's government sends or backs: "by Azerbaijani so-called eco-activists", "by Azerbaijani
            // government-backed protesters"
            + "|(?<nat0>armenian|azerbaijani)\\s+(?:so-called\\s+|self-styled\\s+|government-(?:backed|sponsored)\\s+)?"
            + "(?:[\\w-]+\\s+)?(?:eco-?activists|activists|protesters|demonstrators)\\b"
            // the state itself: "the attack launched by Azerbaijan overnight"
            + "|(?:republic\\s+of\\s+)?(?<country>armenia|azerbaijan)\\b(?!['’])"
            // Azerbaijan's agency: "detained by border guards of the State Border Service"; Armenia's: "detained by a
            // patrol of the Border Guard Troops of the National Security Service"
            + "|(?:(?:border\\s+guards|units?|servicemen|officers|employees|members|patrols?)\\s+of\\s+(?:the\\s+)?)?"
            + "(?<agency>state\\s+border\\s+service|(?:border\\s+guard\\s+troops\\s+of\\s+(?:the\\s+)?)?"
            + "national\\s+security\\s+service|border\\s+guard\\s+troops)\\b)";

    /**
     * A passive agent after a hostile act: "fire opened by units of the Armenian armed forces", "killed on Tuesday by
     * Azerbaijani fire", "the strikes carried out by Azerbaijan".
     */
    static final Pattern PASSIVE_AGENT = p("\\b(?:fire|opened|fired|killed|wounded|injured|shelled|attacked|struck|"
            + "hit|targeted|committed|launched|shot|martyred|perpetrated|killing|suppressed|destroyed|neutrali[sz]ed|"
            + "detained|arrested|apprehended|captured|carried\\s+out|conducted|mounted|staged|unleashed|"
            // people held: "the two servicemen held by Azerbaijan since they were apprehended"
            + "held(?=\\s+(?:(?:captive|prisoner)\\s+)?by\\b)|"
            // a road closed: "the Lachin corridor has been blocked by Azerbaijani so-called eco-activists"
            + "blocked|blockaded|closed|obstructed|"
            // a bulletin's heading: "Violations of the ceasefire by Armenia:" above its dated lines
            + "violations?)\\s+"
            // up to four words before "by"; up to twelve when the agent is a side's fire named first, so a date and a
            // place may stand between ("was wounded on 9 May near Tegh by bullets from an Azerbaijani sniper rifle");
            // a clock is one word ("was wounded at about 10:15 today by fire from an Armenian sniper", `h76-12`)
            + "(?:(?:[\\w-]+(?::\\d\\d)?\\s+){0,4}?|(?:[\\w-]+(?::\\d\\d)?\\s+){5,12}?(?=by\\s+" + FIRE_FROM + "))by\\s+"
            + AGENT);

    /**
     * A nominalised act with its agent, then what it was done to: "condemns the shelling by Azerbaijan of Armenian
     * positions near Nerkin Hand" (`h60-16`), "the firing by Armenian units on our posts", "the attack by the Armenian
     * side at …" — the side after "by" acted. Only right after the act noun (not "the shelling of Sotk reported by
     * …"), only before "of / on / at / against / towards …", never a hypothetical ("any attack by Armenia on our
     * positions will be met …").
     */
    static final Pattern NOMINAL_AGENT = p("(?<!\\b(?:any|possible|potential|future)\\s{1,3})"
            + "\\b(?:shelling|firing|shooting|attacks?|strikes?|bombardment|bombing)\\s+by\\s+" + AGENT
            + "(?=\\s+(?:of|on|upon|at|against|towards?)\\b)");

    /**
     * The same agent after what the act was done to: "condemns the shelling of Armenian positions near Sotk by
     * Azerbaijan", "the attack on our post at Kut by Armenian units" — up to eight words of the target, none a verb of
     * saying or an auxiliary ("the shelling of Sotk reported by the Armenian side" names who told it) and no "by" of
     * its own; never a hypothetical ("any shelling of our positions by Armenia will be met …"). A response's answered
     * clause is blanked before the actor is read, so "in response to the shelling of our positions by …" names none.
     */
    static final Pattern NOMINAL_AGENT_AFTER_TARGET = p("(?<!\\b(?:any|possible|potential|future)\\s{1,3})"
            + "\\b(?:shelling|firing|shooting|attacks?|strikes?|bombardment|bombing)\\s+(?:of|on|upon|at|against|towards?)\\s+"
            + "(?:(?!(?:by|was|were|is|are|be|been|being|has|have|had|will|would|reported|claimed|alleged|announced|"
            + "mentioned|described|denied|spread|disseminated|published|said|stated|voiced|made|cited|quoted|told|"
            + "condemned|recorded|registered|observed|heard|seen)\\b)[\\w'’-]+\\s+){1,8}?by\\s+" + AGENT);

    /**
     * The source's own side as the target of fire: "our positions came under fire", "fired at our posts", "the
     * positions of the Azerbaijan Army were subjected to fire". {@code own} is the source's nationality stem.
     */
    static Pattern ownTarget(String own) {
        // "Private R. M. of the Azerbaijan Army was killed": a rank and a name of the side's army
        String victim = "(?:(?:servicem[ae]n|soldiers?|officers?)\\s+|(?:private|sergeant|corporal|lieutenant|captain|major)"
                + "\\s+(?:\\p{Lu}[\\p{L}'’-]*\\.?\\s+){1,4})of\\s+the\\s+" + own + "\\w*\\s+(?:army|armed\\s+forces)|(?:our|"
                + own + "\\w*)\\s+(?:army\\s+)?(?:servicem[ae]n|soldiers?|officers?)"
                // the people of the side's own border agency: "a border guard of the State Border Service was wounded"
                + "|(?:(?:border\\s+)?guards?|servicem[ae]n|soldiers?|officers?|employees?|members?)\\s+of\\s+the\\s+"
                + ownAgency(own);
        // "an Armenian soldier wounded in the shelling … died", "a serviceman of the Armenian Armed Forces, wounded on
        // 13 February as a result of fire …": a participle without its auxiliary names the victims too, unless an
        // object follows (then the phrase is the attacker: "Armenian soldiers wounded a shepherd")
        // … with a name in apposition: "a serviceman of the Azerbaijan Army, Private R. M., was killed"
        return p("\\b(?:" + victim + ")(?:\\s*,\\s*(?:[\\p{L}'’-]+\\.?\\s*){1,5},)?\\s*,?\\s+(?:(?:who\\s+)?(?:was|were|has\\s+been|have\\s+been|had\\s+been)\\s+"
                + "(?:\\w+ly\\s+)?(?:killed|wounded|injured|martyred)\\b"
                // "a serviceman of the Azerbaijan Army received a gunshot wound"
                + "|(?:has\\s+|had\\s+)?(?:received|sustained|suffered)\\s+(?:an?\\s+)?(?:[\\w-]+\\s+){0,2}?(?:wounds?|"
                + "injur(?:y|ies))\\b|(?:\\w+ly\\s+)?(?:killed|wounded|injured)\\b"
                + "(?!\\s+(?:an?|the|our|their|his|its|one|two|three|four|five|six|seven|eight|nine|ten|several|\\d+|"
                + "armenian|azerbaijani|civilians?|residents?|villagers?|shepherds?|farmers?|soldiers?|servicem[ae]n|people)\\b))|"
                + ownPositions(own));
    }

    /** A side's border agency: Azerbaijan's State Border Service, Armenia's NSS and its Border Guard Troops. */
    private static String ownAgency(String own) {
        return own.equals("azerbaijan") ? "state\\s+border\\s+service\\b"
                : "(?:(?:border\\s+guard\\s+troops\\s+of\\s+(?:the\\s+)?)?national\\s+security\\s+service|border\\s+guard\\s+troops)\\b";
    }

    /** The target half of {@link #ownTarget}: the source's own positions, posts or units fired at or under fire. */
    private static String ownPositions(String own) {
        String ours = "(?:our|(?:the\\s+)?(?:positions?|posts?|units?)\\s+of\\s+the\\s+" + own + "\\w*\\s+(?:army|armed\\s+forces)|"
                + "(?:the\\s+)?(?:sovereign\\s+)?territory\\s+of\\s+(?:the\\s+republic\\s+of\\s+)?" + own + "\\b|"
                + own + "\\w*\\s+(?:army\\s+|border\\s+)?(?:positions?|posts?|outposts?|border\\s+guards|servicem[ae]n|soldiers|troops|units))";
        return "(?:\\bat|\\bon|\\bupon|\\btowards?|\\bagainst|\\btargeted|\\bshelled|\\battacked|\\bsubjected|\\bstruck|\\bhit|"
                // the present of a report as it happens: "AZ artillery + drones hitting our positions since 00:05"
                + "\\bbombed|\\bhit(?:s|ting)|\\bstrik(?:es|ing)|\\bshell(?:s|ing)|\\btarget(?:s|ing)|\\battack(?:s|ing)|"
                + "\\bbomb(?:s|ing)|\\bpound(?:s|ed|ing))\\s+(?:the\\s+)?"
                + ours + "|\\b" + ours + "\\s+(?:[\\w-]+\\s+){0,6}?(?:came|come|were|was|have\\s+been|has\\s+been)\\s+"
                + "(?:under\\s+fire|fired|shelled|attacked|targeted|subjected)";
    }

    /**
     * After a hostile verb with no side named before it, the source's own positions as its target ("servicemen of
     * military unit N 20531 fired … towards the Armenian positions" in Armenia's text): the shooter is the other side.
     */
    static final Pattern OWN_POSITIONS_AZ = p(ownPositions("azerbaijan"));
    static final Pattern OWN_POSITIONS_AM = p(ownPositions("armenia"));

    /**
     * Fire with no agent and no victim side: "shots were fired in the area of Yeraskh", "shots were heard", "a bus came
     * under fire" (the source's own side as the target is checked before, see ownTarget). Nobody's
     * side is named, so a party's claim of it names no actor (never the source's own side by default).
     */
    static final Pattern AGENTLESS_FIRE = p("\\b(?:shots?|fire|gunfire|gunshots|shooting|firing|explosions?)\\s+"
            + "(?:was|were|had\\s+been|has\\s+been|have\\s+been)\\s+(?:\\w+ly\\s+)?(?:fired|opened|heard|recorded|reported)\\b"
            + "|\\b(?:came|come|comes)\\s+under\\s+(?:\\w+\\s+)?fire\\b"); // "a bus travelling from Goris came under fire"

    /** Right before a place: the place the fire came from ("fire was opened from the direction of Kilit"). */
    static final Pattern FROM_PLACE = p("(?:\\bfrom\\s+(?:the\\s+)?(?:direction|side|area|outskirts|vicinity|heights)\\s+of\\s+|"
            + "\\b(?:fire|fired|firing|shots?|shelled|shelling)\\s+(?:[\\w-]+\\s+){0,3}?from\\s+)" // not "a bus travelling from Goris"
            + "(?:the\\s+)?(?:\\p{L}+['’]s\\s+)?(?:(?:village|settlement|town|city)\\s+of\\s+)?$");

    /**
     * Right before a settlement: civilians hit in it or living in it ("Civilians wounded in Jermuk:", "two residents of
     * Tegh were injured", "a villager was killed in the village of Kut"); whose losses those are follows the
     * settlement's side when nobody else says.
     */
    static final Pattern CIVILIANS_AT = p("\\b(?:civilians?|residents?|villagers?|inhabitants?|locals|people)\\b"
            + "(?:\\s+(?:[\\w-]+\\s+){0,4}?(?:killed|wounded|injured|hurt|died)\\s+(?:in|at)|\\s+of)"
            + "\\s+(?:the\\s+)?(?:(?:village|settlement|town|city)\\s+of\\s+)?$");

    /**
     * Right before a place: civilians named by where they come from, the place a village, town, district or province
     * ("a herdsman from the Tovuz district received a gunshot wound", "a farmer from Berd"); whose losses those are
     * follows that place's side when nobody else says. Not the place an event happened at ("wounded near Berd").
     */
    static final Pattern CIVILIANS_FROM = p("\\b(?:civilians?|residents?|villagers?|inhabitants?|locals|shepherds?|"
            + "herdsm[ae]n|herders?|farmers?|drivers?|workers?|fisherm[ae]n|hunters?|beekeepers?)\\s+(?:from|of)\\s+"
            + "(?:the\\s+)?(?:(?:village|settlement|town|city|district|region|province)\\s+of\\s+)?$");

    /** A sentence about fire, for {@link #FROM_PLACE}. */
    static final Pattern FIRE_WORD = p("\\b(?:fire|fired|firing|shots?|shelled|shelling|shooting)\\b");

    /**
     * The source's own ground as where something happened: "the servicemen were on Armenian sovereign territory",
     * "captured … inside the territory of the Republic of Armenia", "on our territory". {@code own} is the source's
     * nationality stem.
     */
    static Pattern onOwnTerritory(String own) {
        return p("\\b(?:on|in|within|inside|deep\\s+in)\\s+(?:the\\s+)?(?:(?:sovereign|internationally\\s+recognised|"
                + "internationally\\s+recognized)\\s+)?territory\\s+of\\s+(?:the\\s+republic\\s+of\\s+)?" + own + "\\b|"
                + "\\b(?:on|in|within|inside|deep\\s+in)\\s+(?:our|" + own + "\\w*)\\s+(?:sovereign\\s+)?territory\\b");
    }

    static final Pattern ON_OWN_TERRITORY_AZ = onOwnTerritory("azerbaijan");
    static final Pattern ON_OWN_TERRITORY_AM = onOwnTerritory("armenia");

    static final Pattern OWN_TARGET_AZ = ownTarget("azerbaijan");
    static final Pattern OWN_TARGET_AM = ownTarget("armenia");

    /**
     * Right after an actor phrase, an active hostile verb with its object: the phrase is the attacker, even when an
     * article or a count makes it read like people counted ("an Azerbaijani sniper wounded a soldier", "two Armenian
     * servicemen fired at our post"). A verb followed by "in / by / during …" is a victim's participle instead ("an
     * Armenian soldier wounded in the shelling", "an Azerbaijani soldier wounded by an Armenian sniper").
     */
    private static final String A_MINE = "(?:an?|the)\\s+(?:[\\w-]+\\s+){0,2}?(?:mines?|landmines?|explosive\\s+devices?|"
            + "ordnance)\\b";

    // Read with lookingAt() after an actor: "(?<!\\s)" passes at the region's start, and with the possessive "\\s++" (a
    // word follows it) a search over a long run of spaces stays linear, the same matches
    static final Pattern ATTACKER_VERB = p("(?<!\\s)"
            // where the people were, between them and their verb: "members of the Armenian armed forces located in the
            // direction of Khaznavar village fired …" (`h62-18`), "stationed near Khachik," — up to eight words, no
            // punctuation but a closing comma (possessive: each try of the lazy count is one step)
            + "(?:\\s*+,?\\s*+(?:located|stationed|positioned|deployed|based|entrenched)\\s++(?:in|near|at|on|opposite|"
            + "around|along|close\\s+to)\\s++(?:[\\p{L}\\p{N}'’-]++\\s++){0,7}?[\\p{L}\\p{N}'’-]++,?)?"
            + "\\s++(?:(?:has|have|had)\\s+)?(?:(?:reportedly|deliberately|again|also|"
            + "then|once\\s+again)\\s+)?(?:(?:fired|shot)\\s++"
            // the weapon between the verb and its target: "fired with small arms at a post", "fired from large-calibre
            // machine guns at" (up to five words)
            + "(?:(?:with|from|using)\\s++(?:[\\p{L}\\p{N}-]++\\s++){1,5}?)?"
            + "(?:at|on|upon|towards?)\\b|opened\\s+fire\\b|"
            // the weapon as the object, or where from: "a serviceman of the Azerbaijani armed forces fired a sniper
            // rifle from a position opposite Nerkin Hand", "… fired from a position opposite Kut"
            + "fired\\s+(?:an?\\s+|the\\s+|their\\s+|his\\s+|its\\s+|several\\s+)?(?:[\\p{L}\\p{N}-]++\\s++){0,3}?"
            + "(?:rifles?|machine[\\s-]guns?|guns?|grenade\\s+launchers?|mortars?|missiles?|rockets?|shots?|rounds?|"
            + "shells?|bursts?|volleys?)\\b|fired\\s+from\\b|"
            + "(?:wounded|injured|shot|killed|struck|hit|shelled|attacked|targeted)\\s+(?=(?:an?|the|our|their|his|"
            + "its|one|two|three|four|five|six|seven|eight|nine|ten|several|\\d+|armenian|azerbaijani|civilians?|"
            + "residents?|villagers?|soldiers?|servicem[ae]n|people|positions?|posts?|vehicles?)\\b)"
            // "a vehicle of the Azerbaijan Army hit an anti-tank mine": striking a mine is no attack
            + "(?!" + A_MINE + ")"
            // a drone sent over the other side: "the Armenian side flew a quadcopter over Azerbaijan Army positions"
            // (`h60-18`) — whose positions it flew over is the target — and the drone itself: "an Armenian
            // quadcopter flew over our positions"
            + "|(?:flew|launched|sent|operated|used|deployed)\\s+(?:an?|the|its|their|one|two|three|several|\\d+)\\s+"
            + "(?:[\\w-]+\\s+){0,2}?(?:drones?|quadcopters?|uavs?|unmanned\\s+aerial\\s+vehicles?)\\s+"
            + "(?:over|above|towards?|into|across|in\\s+the\\s+direction\\s+of)\\b"
            + "|flew\\s+(?:over|above|towards?|into|across)\\b"
            // a capture, perhaps after the crossing: "servicemen of the Azerbaijani armed forces crossed the state border
            // near Verin Shorzha and captured a resident" (`h75-15`) — the people of a side's forces acting, not its
            // victims (a crossing alone is no capture: who detained the one who crossed acts, `ch-h33-02`)
            + "|(?:crossed\\s++(?:the\\s+|into\\s+)?(?:state\\s+)?border(?:\\s++[\\p{L}'’-]++){0,4}?\\s++and\\s++)?"
            + "(?:captured|detained|abducted|kidnapped|seized)\\s+(?=(?:an?|the|two|three|four|five|six|several|\\d+|"
            + "armenian|azerbaijani|civilians?|residents?|villagers?|shepherds?|soldiers?|servicem[ae]n|people)\\b))");

    /** After a verb: its object is a mine ("struck an anti-personnel mine"), so the verb is no attack. */
    static final Pattern MINE_OBJECT = p("\\s+" + A_MINE);

    /**
     * Words after an actor phrase that make it the one who watched, not the one who acted: "the Armenian side has
     * recorded movements of Azerbaijani armoured vehicles", "our units observed", "Armenian border guards noticed".
     */
    // Read with lookingAt(); "(?<!\\s)\\s++" as in ATTACKER_VERB
    static final Pattern OBSERVER_AFTER = p("(?<!\\s)\\s++(?:(?:has|have|had)\\s+(?:been\\s+)?|is\\s+|are\\s+)?(?:\\w+ly\\s+)?"
            + "(?:recorded|records|recording|observed|observes|observing|noted|notes|noticed|notices|detected|detects|"
            + "registered|registers|spotted|spots|monitored|monitors|monitoring|tracked|tracks|tracking|witnessed|saw|sees)\\b");

    /**
     * Words after an actor phrase that make it a target ("Armenian border guards near Agarak came under fire"); "came
     * under fire" (also "under small-arms fire") may follow a longer subject: "a demining team of the Azerbaijan Army
     * engineering units working in the Kalbajar district came under small-arms fire from positions of …" (`h58-12`).
     */
    static final Pattern TARGET_AFTER = p("\\s+(?:(?:[\\w-]+\\s+){0,4}?(?:came|come|comes|were|was|have\\s+been|has\\s+been)\\s+"
            + "(?:under\\s+(?:[\\w-]+\\s+){0,2}?fire|fired\\s+(?:at|on|upon)|shelled|attacked|targeted|subjected\\s+to|"
            // "Armenian border guards near Tegh were pelted with stones from the Azerbaijani side"
            + "pelted|stoned)"
            + "|(?:[\\w-]+\\s+){5,10}?(?:came|come|comes)\\s+under\\s+(?:[\\w-]+\\s+){0,2}?fire"
            // "Azerbaijan Army positions in the Lachin direction were subjected to small-arms fire from positions of
            // the Armenian armed forces" (`h91-01`): the side's positions, then where they stand, are the target
            + "|(?:positions?|posts?|units?|subunits?)\\s+(?:(?!(?:and|or|fired|opened|shelled|attacked)\\b)[\\w-]+\\s+){0,8}?"
            + "(?:were|was|have\\s+been|has\\s+been)\\s+subjected\\s+to)\\b");

    /**
     * Words before an actor phrase that make it a target or a victim instead. Not where fire came from: "fire was
     * opened from positions of the Armenian armed forces … at the positions of Azerbaijan Army units" names the
     * Armenian side as the one that fired.
     */
    static final Pattern TARGET_BEFORE = p("\\bany\\s+(?:[\\w-]+\\s+){0,2}?(?:by|from|of)\\s+(?:the\\s+)?$|" // hypothetical: "any provocation by the Armenian side"
            // a named victim: "Private R. M. of the Azerbaijan Army was killed"
            + "\\b(?:private|sergeant|corporal|lieutenant|captain|major|colonel|ensign|soldier|serviceman)\\s+"
            + "(?:(?-i:\\p{Lu})[\\p{L}'’-]*\\.?\\s+){1,4}of\\s+(?:the\\s+)?$|"
            // not where the fire came from: "fired from a machine gun located at the positions of the Armenian armed
            // forces near Voskepar" (`h90-24`)
            + "(?<!\\b(?:from|(?:located|stationed|positioned|deployed|placed|installed)\\s{1,3}(?:at|in|on))\\s{1,3}"
            + "(?:the\\s{1,3})?(?:firing\\s{1,3})?)"
            + "(?:positions?|posts?|(?:firing\\s+)?points?|territory|villages?|settlements?|servicem[ae]n|"
            + "soldiers?|officers?|members?|personnel)\\s+of\\s+(?:the\\s+)?$|(?:\\bat|\\btowards?|\\bagainst|\\bon|\\binto)\\s+"
            + "(?:the\\s+)?$|"
            // the side a person is given back to: "he was handed over to the Armenian side", "returned to the
            // Azerbaijani side" (the one who held him acted)
            + "\\b(?:handed\\s+(?:\\w+\\s+)?over|returned|repatriated|transferred|released)\\s+(?:\\w+\\s+){0,3}?to\\s+(?:the\\s+)?$");

    /**
     * A side's act named as a noun after "on" or "into" ("will brief journalists on the Azerbaijani shelling of Kut",
     * "a briefing on Azerbaijan's drone strike on Jermuk", "an inquiry into the Azerbaijani shelling"): what the words
     * are about, not a target of {@link #TARGET_BEFORE}. The act noun ends its phrase ({@link #ACT_PHRASE_END}): "fire
     * on the Azerbaijani firing points" is a target.
     */
    static final Pattern ABOUT_ACT_BEFORE = p("\\b(?:on|into)\\s+(?:the\\s+)?$"
            // "protests against the Azerbaijani shelling", "a rally against Armenian provocations": what is protested
            + "|\\b(?:protests?|protested|protesting|rall(?:y|ies)|demonstrations?|pickets?|marche[sd]|march|petitions?)"
            + "\\s+against\\s+(?:the\\s+)?$");
    static final Pattern ACT_NOUN = p("fire|gunfire|shooting|firing|shelling|attacks?|provocations?|aggression|offensive");
    /** After a drone named as a side's ("Azerbaijan's drone"): its strike or attack is the act. */
    static final Pattern DRONE_ACT_AFTER = p("\\s+(?:strikes?|attacks?)\\b");
    /** After a side or its forces: their act ("the Armenian side's shooting", "the Azerbaijani armed forces' shelling"). */
    static final Pattern SIDES_ACT_AFTER = p("['’]s?\\s+(?:" + ACT_NOUN.pattern() + ")\\b");
    static final Pattern ACT_PHRASE_END = p("\\s*(?:[,.;:)]|$)|\\s+(?:of|on|at|against|in|into|near|towards?|from|by|which|"
            + "that|and|was|were|has|had|is|began|started|continued)\\b");

    /**
     * Before an actor phrase: the people of the side it names ("members / servicemen of the Armenian armed forces"). They
     * are a victim by {@link #TARGET_BEFORE} unless an attacker's verb follows the phrase ("members of the Armenian
     * armed forces opened fire … on a post"): then they are its subject and the side acted.
     */
    static final Pattern PEOPLE_OF_BEFORE = p("\\b(?:servicem[ae]n|soldiers?|officers?|members?|personnel|employees?|"
            + "(?:border\\s+)?guards?)\\s+of\\s+"
            + "(?:the\\s+)?$");

    /**
     * After the people of {@link #PEOPLE_OF_BEFORE} and their side: they were seen at work, or are at it ("servicemen of
     * the Armenian armed forces were spotted carrying out fortification works", `h66-03`; "personnel of the Azerbaijani
     * army are digging trenches"), so they are its subject, not a victim. A "were" or "are" must come first: "fired at
     * servicemen of the Armenian armed forces carrying out engineering work" keeps them the target. Read with lookingAt().
     */
    static final Pattern PEOPLE_AT_WORK_AFTER = p("\\s++(?:(?:were|was|have\\s+been|has\\s+been)\\s+(?:\\w+ly\\s+)?"
            + "(?:spotted|seen|observed|noticed|detected|recorded)\\s+(?:while\\s+)?|(?:were|are|have\\s+been)\\s+(?:\\w+ly\\s+)?)"
            + "(?:carrying\\s+out|conducting|performing|building|digging|erecting|installing|setting\\s+up|equipping|"
            + "fortifying|constructing|laying)\\b");

    /**
     * Before an actor phrase after "on": an activity on a side's ground, not a target ("engineering works on the
     * Azerbaijani side opposite Berkaber", "movements of equipment on the Armenian side").
     */
    static final Pattern ACTIVITY_ON = p("\\b(?:works?|activit(?:y|ies)|movements?|construction|fortifications?|build-?up|"
            + "deployments?|equipment|machinery|excavators?|trenches|digging)\\s+on\\s+(?:the\\s+)?$");

    static final Pattern HOSTILE_VERB = p("\\b(?:opened\\s+fire|open\\s+fire|opening\\s+fire|fired|subjected|launched|shelled|"
            + "attacked|struck|committed|violated|shot|targeted|bombed|carried\\s+out|crossed|infiltrated|"
            + "advanced|detained|resorted|tried|attempted|occupied|seized|invaded|captured|blocked|blockaded|pelted|"
            // stones thrown: "a group of persons on the Armenian side … threw stones at a convoy" (`h95-11`)
            + "(?:threw|throwing|hurled|hurling)(?=\\s+(?:[\\w'’-]+\\s+){0,2}?" + STONES + "\\b(?!['’]))|"
            // starting hostilities: "Azerbaijan started a military operation", "the military action that Azerbaijan
            // started today"
            + "(?:started|began|begun|unleashed|initiated)(?=\\s+(?:(?:a|an|the|its|new|large-scale|full-scale)\\s+)*"
            + "(?:military\\s+(?:action|operation|offensive)|hostilities|offensive|aggression|war)\\b)|"
            + "(?<=\\b(?:action|operations?|offensive|hostilities|aggression|war)\\s{1,3}(?:that|which)\\s{1,3}"
            + "[\\p{L}'’-]{2,30}\\s{1,3})(?:started|began|unleashed|initiated))\\b");

    /** What a build-up moves (lower case): forces, their vehicles and their weapons. */
    private static final String MATERIEL = "(?:troops|forces|units|equipment|weapons|personnel|manpower|"
            + "(?:armou?red|military|combat)\\s+vehicles|armou?r|(?:self-propelled\\s+)?artillery(?:\\s+(?:pieces|systems|guns|units|batteries))?|tanks|mortars|"
            + "howitzers|(?:multiple\\s+)?rocket\\s+launchers|air[\\s-]+defen[cs]e\\s+systems|ammunition|"
            // "multiple-launch rocket systems", "MLRS"
            + "(?:multiple[\\s-]+(?:launch\\s+)?)?rocket\\s+systems|mlrs)";

    /**
     * The rest of a list of what was moved: "moved additional manpower, armoured vehicles and artillery" (the artillery
     * moved is part of the build-up, not a shelling); no verb or preposition between, so "moved troops and opened
     * artillery fire" still names the shelling.
     */
    private static final String MATERIEL_LIST = "(?:\\s*(?:,|,?\\s+and)\\s+(?:(?!\\w+(?:ed|ing)\\b|(?:with|at|on|from|to|"
            // a count before an item: "and around 1,500 personnel"
            + "towards?|into|by)\\b)[\\w-]+(?:,\\d{3})*\\s+){0,2}?" + MATERIEL + "\\b)*+";

    /**
     * A build-up in the passive (lower case): "personnel, armoured vehicles and artillery being moved towards the border",
     * "tanks and mortars were transferred to …" — the weapons moved are no shelling ({@link #MOVED_LIST}).
     */
    private static final String MOVED_PASSIVE = MATERIEL + "\\b" + MATERIEL_LIST + "\\s+(?:being\\s+|(?:were|was|are|is|have|"
            + "has|had)\\s+(?:being\\s+|been\\s+)?)(?:moved|deployed|redeployed|transferred|brought|concentrated|massed|"
            + "amassed|relocated)\\b";
    /** {@link #MOVED_PASSIVE} alone: the event scan reads no weapon inside it (it may start with "tanks"). */
    static final Pattern MOVED_LIST = Alternations.compile("\\b" + MOVED_PASSIVE);

    /**
     * A person who is no force crossing the border ("an Armenian citizen who had crossed the state border", "a
     * shepherd who had crossed the border from Armenia", "a group of smugglers attempted to cross the state border",
     * "a citizen of Azerbaijan who had crossed into Armenian territory"):
     * a civilian's or a smuggler's crossing is no act of a side, so no incursion, and neither the crossing nor the
     * country the person came from names an actor; its detention is the detaining side's act. Up to sixteen words
     * (not "and", "or", a word for forces or for the other side) between the person and the crossing, so a place and
     * a relative clause may come between ("smugglers near the village of Ahmadli of the Zangilan district who were
     * trying to carry 18 kilograms of narcotics across the state border from the territory of Armenia": carrying,
     * bringing, smuggling or transporting goods — up to eight words of them — across or over the border is the
     * smugglers' crossing too); only the person and the crossing are blanked, so a
     * verb between them still counts ("a citizen was detained after crossing into Armenian territory" is a
     * detention). Armed forces, servicemen and sabotage groups who cross are still an incursion.
     */
    static final Pattern PERSON_CROSSING = words("(?<person>citizens?|residents?|shepherds?|herders?|herdsm[ae]n|villagers?|"
            + "civilians?|smugglers?|persons?|people|individuals?|nationals?|farmers?|hunters?|fishermen|fisherman|"
            + "trespassers?|man|men|woman|women|boys?|girls?|teenagers?|youths?)\\b"
            + "(?:\\s+(?!(?:and|or|with|servicem[ae]n|soldiers?|troops|units|forces|military|armed|sabotage|"
            + "reconnaissance|enemy|adversary|opponents?|provocateurs?|side|commandos?|detachments?|groups?|"
            + "said|says|told|reported|according)\\b)[\\w'’,-]+){0,16}?\\s+"
            + "(?<crossing>(?:(?:attempt\\w*|tri(?:ed|es)|trying)\\s+to\\s+)?"
            + "(?:cross(?:ed|es|ing)?\\s+(?:the\\s+|into\\s+)?(?:state\\s+)?border\\b"
            // goods carried over: "trying to carry 18 kilograms of narcotics across the state border"
            + "|(?:carr(?:y|ied|ies|ying)|bring(?:s|ing)?|brought|smuggl(?:e|ed|es|ing)|transport(?:ed|s|ing)?)"
            + "(?:\\s+[\\w'’,-]+){1,8}?\\s+(?:across|over)\\s+the\\s+(?:state\\s+)?border\\b"
            // "a citizen of Azerbaijan who had crossed into Armenian territory", "entered the territory of Armenia"
            + "|(?:cross(?:ed|es|ing)?\\s+into|enter(?:ed|s|ing)?)\\s+(?:the\\s+)?(?:(?:armenian|azerbaijani|armenia['’]s|"
            + "azerbaijan['’]s|our|its|their|sovereign)\\s+){0,2}territory\\b(?:\\s+of\\s+(?:the\\s+republic\\s+of\\s+)?"
            + "(?:armenia|azerbaijan)\\b)?)"
            // where the person came from is no actor: "... crossed the state border from the territory of Armenia"
            + "(?:\\s+from\\s+(?:the\\s+)?(?:territory\\s+of\\s+)?(?:the\\s+republic\\s+of\\s+)?"
            + "(?:armenia|azerbaijan)\\b"
            + "(?!['’]s|\\s+(?:army|armed|forces|side|military)))?"
            // the same crossing told again as entering: "… crossed the state border near Aravus, entering the
            // territory of Gubadli district" (the person's entry, no force's)
            + ")(?:(?:\\s+(?!(?:and|or|servicem[ae]n|soldiers?|troops|units|forces)\\b)[\\w'’-]+){0,6}?,?\\s+(?:and\\s+)?"
            + "(?<entry>(?:entering|entered|having\\s+entered)\\s+(?:the\\s+)?(?:[\\w'’-]+\\s+){0,2}?territory\\b))?");

    /**
     * A civilian named by initials or a name with who they are in apposition: "V. S., a citizen of Armenia,", "S. H., a
     * resident of Armenia,", "Armen Petrosyan, a 45-year-old shepherd from Tegh,". Then a crossing told with "he / she"
     * or with no subject of its own ({@link #REFERENT_CROSSING}) is that person's, no incursion.
     */
    static final Pattern CIVILIAN_NAMED = Pattern.compile("(?:\\b(?:\\p{Lu}\\.\\s?){1,3}|\\b\\p{Lu}\\p{Ll}+\\s+\\p{Lu}\\p{Ll}+)"
            + ",\\s+(?i:an?\\s+(?:[\\w-]+\\s+)?(?:citizen|resident|national|villager|inhabitant|shepherd|herder|herdsman|"
            + "farmer|hunter)\\s+(?:of|from)\\b)");
    /**
     * A crossing whose subject is "he / she" or the sentence's ("… was detained after illegally crossing the state
     * border"), with the same crossing told again as entering ("… and entered the territory of the Lachin district").
     */
    static final Pattern REFERENT_CROSSING = words("(?:(?:he|she)\\s+(?:had\\s+)?|(?:after|before|while|when|for)\\s+"
            + "(?:having\\s+)?)(?:illegally\\s+|unlawfully\\s+)?"
            + "cross(?:ed|es|ing)?\\s+(?:the\\s+|into\\s+)?(?:state\\s+)?border\\b"
            + "(?:(?:\\s+(?!(?:and|or)\\b)[\\w'’-]+){0,4}?,?\\s+and\\s+(?:entered|entering)\\s+(?:the\\s+)?"
            + "(?:[\\w'’-]+\\s+){0,2}?territory\\b)?");

    /**
     * A crossing the text says was a mistake: the one who crossed "had lost his way", "got lost", "strayed",
     * crossed "by mistake / accidentally / inadvertently", "became disoriented". Then even a serviceman's crossing is
     * no act of his side's forces (no incursion, no actor), like a shepherd's ({@link #PERSON_CROSSING}); only when the
     * text says so ({@link #CROSSED_BY_MISTAKE} is looked for only then).
     */
    static final Pattern LOST_WAY = words("lost\\s+(?:his|her|their|its|the)\\s+(?:way|bearings)|got\\s+lost|"
            + "strayed|(?:by\\s+mistake|by\\s+accident|accidentally|inadvertently|unintentionally|unknowingly)\\b|"
            + "(?:became|become|got|was|were)\\s+disoriented");

    /**
     * Who crossed and the crossing, in a text of {@link #LOST_WAY}: "a serviceman of the armed forces of Azerbaijan
     * crossed the state border of the Republic of Armenia" (up to eight words between, not "and" / "or").
     */
    static final Pattern CROSSED_BY_MISTAKE = words("(?:servicem[ae]n|soldiers?|conscripts?|privates?|sergeants?|"
            + "military\\s+personnel|border\\s+guards?|citizens?|residents?|shepherds?|persons?|people|man|men)\\b"
            + "(?:\\s+(?!(?:and|or)\\b)[\\w'’,-]+){0,8}?\\s+(?:(?:had|has|have)\\s+)?(?:(?:accidentally|inadvertently|"
            + "unintentionally|mistakenly)\\s+)?cross(?:ed|es|ing)?\\s+(?:the\\s+|into\\s+)?(?:state\\s+)?border\\b"
            + "(?:\\s+(?:of|from|into)\\s+(?:the\\s+)?(?:territory\\s+of\\s+)?(?:the\\s+)?(?:republic\\s+of\\s+)?"
            + "(?:armenia|azerbaijan)\\b(?!['’]s|\\s+(?:army|armed|forces|side|military)))?");

    /**
     * Exercises with what they train (lower case): "exercises with artillery and armoured units", "exercises involving
     * artillery and armoured vehicles", exercises held "with the participation of up to 3,000 servicemen, armoured
     * vehicles, artillery …" are a build-up whose weapons, like those of a list moved ({@link #MOVED_LIST}), are no
     * shelling.
     */
    static final Pattern EXERCISED_LIST = Alternations.compile(
            // "exercises … will be held in Nakhchivan, with the participation of up to 3,000 servicemen, armoured
            // vehicles, artillery and army aviation": the participants named later in the exercises' sentence (first,
            // so that the shorter "exercises of the … armed forces" below does not end the span before them)
            "\\b(?:exercises?|drills?)\\b[^.;:]{0,200}?\\bwith\\s+the\\s+participation\\s+of\\s+(?:[\\w,-]+\\s+){0,3}?"
            + "(?:servicem[ae]n|soldiers|" + MATERIEL.substring(3) + "\\b" + MATERIEL_LIST
            + "|\\b(?:exercises?|drills?)\\s+(?:with|involving|including|"
            + "featuring|using|employing|that\\s+(?:involved|included))\\s+(?:the\\s+"
            + "(?:participation\\s+of\\s+)?)?(?:[\\w-]+\\s+){0,2}?" + MATERIEL + "\\b" + MATERIEL_LIST
            // "drills of artillery units", "drills, with artillery units taking part", "artillery units took part in
            // tactical drills": the units trained, named after "of" or before their part in them
            + "|\\b(?:exercises?|drills?)\\s*(?:,\\s*with|\\s+of)\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?" + MATERIEL + "\\b"
            + MATERIEL_LIST
            + "|\\b" + MATERIEL + "\\b" + MATERIEL_LIST + "\\s+(?:took|take|takes|taking|will\\s+take|are\\s+taking|"
            + "were\\s+taking)\\s+part\\s+in\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?(?:exercises?|drills?)\\b");

    /** Event types by their phrasings (lower case). Generic "fire" counts as small arms only when no weapon is named. */
    private static final Map<EventType, String> EVENT_TYPE_PHRASES = new LinkedHashMap<>();

    static {
        EVENT_TYPE_PHRASES.put(EventType.SMALL_ARMS_FIRE, ("small[\\s-]+arms?|small[\\s-]+calib(?:re|er)|\\bsnipers?\\b|"
                + "machine[\\s-]+guns?|automatic\\s+weapons|\\bbullets?\\b|\\brifles?\\b|\\bgunfire\\b|grenade\\s+launchers?|"
                + "\\bfirefights?\\b|\\bshootouts?\\b|\\bskirmish(?:es)?\\b"));
        EVENT_TYPE_PHRASES.put(EventType.MORTAR_ARTILLERY, ("\\bartillery\\b|\\bmortars?\\b|\\bhowitzers?\\b|"
                + "heavy\\s+weapons|\\brockets?\\b|multiple\\s+(?:rocket\\s+)?launch|"
                // "were shelled from small arms" (AzMoD's idiom for small-arms fire) is no shelling by mortar or gun
                + "\\bshell(?:ing|ed|s)?\\b(?!\\s+(?:from|with|by)\\s+(?:(?:automatic|light|large-calibre|small-calibre)\\s+)?"
                + "(?:small\\s+arms|firearms|rifles|machine[\\s-]guns|sniper\\s+rifles)\\b)|"
                // "the bombardment of Sotk" is a shelling (an aerial or a drone's is no gun's)
                + "(?<!\\b(?:aerial|air|drone)\\s)\\bbombard(?:ment|ments|ed|ing|s)?\\b|"
                + "(?<!\\b(?:water|fuel|gas|oil|storage|septic|petrol|diesel|fish)\\s)(?<!\\banti[\\s-])\\btanks?\\b|\\bcannons?\\b|\\bgrad\\b"));
        EVENT_TYPE_PHRASES.put(EventType.DRONE_STRIKE, ("\\bdrones?\\b|\\buavs?\\b|unmanned\\s+aerial|"
                + "loitering\\s+munitions?|quadcopters?|\\bkamikaze\\b|\\bfpv\\b"));
        EVENT_TYPE_PHRASES.put(EventType.INCURSION, ("\\bincursion|\\bintrusion|\\bintruders?\\b|\\bcross(?:ed|ing)?\\s+(?:the\\s+|into\\s+)?(?:state\\s+)?"
                + "border\\b|\\bcross\\w*\\s+into\\s+(?:[\\w-]+\\s+){0,2}?territory|\\binfiltrat\\w*|sabotage\\s+(?:group|attempt)s?|advanced\\s+(?:[\\w.]+\\s+){0,3}?(?:into|towards)|"
                + "\\bpenetrat\\w+|\\b(?:launch\\w*|an|large-scale|full-scale|ground|military|armenian|azerbaijani)\\s+offensive\\b|\\boffensive\\s+operations?|\\b(?:enter|entered|entering)\\s+(?:the\\s+)?territory|"
                // "entered the zone of responsibility of the Russian peacekeeping contingent", "entered the Russian
                // peacekeepers' area of responsibility" (two words at most between: whose zone it is)
                + "\\b(?:enter|entered|entering|moved\\s+into)\\s+(?:the\\s+)?(?:[\\p{L}'’-]+\\s+){0,2}?(?:zone|area)\\s+of\\s+(?:responsibility|control|deployment)\\b|"
                + "\\b(?:attempt(?:s|ed|ing)?|tri(?:ed|es)|trying)\\s+to\\s+(?:seize|capture|occupy|advance|"
                + "infiltrate|break\\s+through)\\b|\\battempts?\\s+(?:at\\s+infiltration|to\\s+infiltrate)|"
                // "the formerly occupied territories", "the occupied lands": an adjective of a place, no act
                + "(?<!\\b(?:formerly|previously|once|the|its|our|their|liberated|from)\\s)"
                + "\\boccup(?:y|ied|ying|ation\\s+of)\\s+(?:[\\w-]+\\s+){0,8}?(?:heights?|positions?|territory|"
                + "territories|villages?|land)\\b"));
        EVENT_TYPE_PHRASES.put(EventType.DETENTION, ("\\bdetain\\w*|\\barrest\\w*|\\bcaptured\\b|"
                + "taken\\s+(?:prisoner|captive)|\\bapprehend\\w*|\\babduct\\w*|\\b(?:" + TAKEN_ACROSS + ")|"
                // a person seized ("seized a resident of Khnatsakh"; seized weapons or goods are no detention)
                + "\\bseiz(?:ed|es|ing)\\s+(?:(?:an?|the|two|three|four|five|several|\\d+)\\s+)?(?:[\\w-]+\\s+){0,2}?"
                + "(?:residents?|civilians?|shepherds?|herders?|villagers?|citizens?|nationals?|farmers?|servicem[ae]n|"
                + "soldiers?|border\\s+guards?|persons?|people|man|men|woman|women|drivers?)\\b|"
                // the noun: "the capture of six Armenian servicemen by Azerbaijani forces" (not "the capture of positions")
                + "\\bcapture\\s+of\\s+(?:(?:an?|the|two|three|four|five|six|seven|eight|nine|ten|several|our|\\d+)\\s+)?"
                + "(?:[\\w-]+\\s+){0,2}?(?:residents?|civilians?|shepherds?|herders?|villagers?|citizens?|nationals?|farmers?|"
                + "servicem[ae]n|soldiers?|border\\s+guards?|persons?|people|men|women|drivers?)\\b"));
        EVENT_TYPE_PHRASES.put(EventType.BLOCKADE, ("\\bblockade\\w*|\\bblocked\\b|closed\\s+the\\s+(?:road|corridor|"
                + "checkpoint)|closure\\s+of\\s+the\\s+(?:road|corridor|checkpoint)|"
                // a checkpoint set up on a road, movement on it suspended: the closest listed type to a closure
                + "(?:establish|install|erect|set\\s+up|sets\\s+up|setting\\s+up)\\w*\\s+(?:an?\\s+|the\\s+|its\\s+)?(?:[\\w-]+\\s+){0,2}?check-?points?\\b|"
                + "\\bcheck-?points?\\s+(?:[\\w-]+\\s+){0,4}?(?:was|were|has\\s+been|have\\s+been)\\s+(?:established|installed|"
                + "erected|set\\s+up)|\\b(?:movement|traffic|passage|transit)\\s+(?:[\\w-]+\\s+){0,6}?(?:was|were|has\\s+been|"
                + "have\\s+been|is|are)\\s+(?:\\w+ly\\s+)?(?:suspended|halted|stopped|closed|blocked|restricted|banned)\\b|"
                // the way named before the verb: "Movement of vehicles and people through the Lachin border checkpoint
                // has been temporarily suspended" (more than six words between: a road, bridge or checkpoint after
                // "through / along / across …", at most three words after it)
                + "\\b(?:movement|traffic|passage|transit)\\s+(?:[\\w-]+\\s+){0,6}?(?:through|along|on|via|across|over|at)\\s+"
                + "(?:[\\w-]+\\s+){0,4}?(?:check-?points?|corridor|roads?|highway|bridge|crossing)\\s+(?:[\\w-]+\\s+){0,3}?(?:was|were|has\\s+been|"
                + "have\\s+been|is|are)\\s+(?:\\w+ly\\s+)?(?:suspended|halted|stopped|closed|blocked|restricted|banned)\\b|"
                + "\\b(?:suspend|halt|restrict|ban)\\w*\\s+(?:the\\s+)?(?:movement|traffic|passage|transit)\\b|"
                + "\\b" + OBSTRUCTED));
        EVENT_TYPE_PHRASES.put(EventType.MINE_EXPLOSION, (UNEXPLODED + "|land[\\s-]?mines?|mine\\s+(?:explosion|blast)|"
                + "stepped\\s+on\\s+an?\\s+(?:\\w+\\s+)?mine|anti[\\s-](?:personnel|tank)\\s+mine|"
                + "unexploded\\s+ordnance|\\buxo\\b|hit\\s+an?\\s+mine|\\bmines?\\s+(?:exploded|detonated|went\\s+off|blew\\s+up)|"
                + "(?:explosion|detonation)\\s+of\\s+an?\\s+(?:[\\w-]+\\s+)?mine\\b|"
                + "(?:hit|struck|ran\\s+over|drove\\s+over|triggered|stepped\\s+on)\\s+an?\\s+(?:[\\w-]+\\s+){0,2}?mine\\b"));
        EVENT_TYPE_PHRASES.put(EventType.ENGINEERING_WORK, ("\\b(?:mine|mining|mined)\\s+(?:the\\s+)?(?:\\w+\\s+)?(?:roads?|routes?|paths?)\\b|"
                + "(?:\\blay|\\blaying|\\blaid|\\bplant|\\bplanting|\\bplanted)\\s+(?:\\w+\\s+)?mines|\\bfortification\\w*|engineering\\s+works?|"
                + "\\btrenches\\b|\\bdigging\\b|construction\\s+of\\s+(?:new\\s+)?(?:positions|posts|"
                + "fortifications)|engineering\\s+arrangement"
                // engineering equipment at work, not as what was hit: "The enemy's engineering equipment was also
                // destroyed", "destroyed an engineering vehicle and the enemy's engineering equipment" are no works
                + "|(?<!(?:destroyed|damaged|hit|struck|disabled|neutrali[sz]ed)\\s{1,3}(?:(?:the|an?|its|their|some)\\s{1,3})?"
                + "(?:enemy['’]s\\s{1,3}|adversary['’]s\\s{1,3})?)engineering\\s+equipment"
                + "(?!\\s+(?:[\\w-]+\\s+){0,2}?(?:was|were|has\\s+been|have\\s+been)\\s+(?:also\\s+)?(?:destroyed|damaged|hit|struck|"
                + "disabled|neutrali[sz]ed)\\b)"
                // "built a new observation post", "erected a fence", "reinforced the existing positions"
                + "|\\b(?:built|constructed|erected|building|constructing|erecting)\\s+(?:(?:a|an|the|new|several|two|three|"
                + "additional|concrete|permanent|fortified)\\s+){0,3}(?:observation\\s+posts?|posts?|positions|"
                + "fortifications|fences?|barriers?|shelters?|bunkers?|dugouts?|patrol\\s+roads?|watchtowers?|walls?|"
                + "firing\\s+points?)\\b"
                // "set up positions there" (an observation post set up is no work on the ground)
                + "|\\b(?:set|setting)\\s+up\\s+(?:(?:new|firing|defensive|fortified)\\s+)?positions\\b"
                + "|\\b(?:reinforc|strengthen|fortif)\\w*\\s+(?:the\\s+|its\\s+|their\\s+)?(?:existing\\s+)?"
                + "(?:positions|posts|defen[cs]es?|fortifications|defensive\\s+lines?)\\b"
                // the same in the passive: "observation posts were reinforced and engineering barriers were installed"
                + "|\\b(?:(?:observation|border|firing)\\s+)?(?:posts|positions|fortifications|(?:engineering\\s+)?barriers|fences|"
                + "bunkers|shelters)\\s+(?:were|have\\s+been|had\\s+been)\\s+(?:additionally\\s+)?(?:reinforced|strengthened|"
                + "fortified|installed|erected|built|constructed)\\b"));
        EVENT_TYPE_PHRASES.put(EventType.BUILDUP, (
                // a noun of moving forces with what it moves, a side's adjective or others between: "a concentration of
                // Azerbaijani troops along the border", "the deployment of Armenian armoured vehicles and artillery"
                // (the artillery moved is no shelling); not "a concentration of artillery fire"
                "(?:concentrations?|movements?|deployments?|redeployments?|massing|accumulation|arrival|build[\\s-]?ups?)"
                + "\\s+of\\s+(?:(?!fire\\b)[\\w-]+\\s+){0,3}?" + MATERIEL + "\\b(?!\\s+fire\\b)" + MATERIEL_LIST + "|"
                + "build[\\s-]?up|concentrat\\w+\\s+(?:of\\s+)?(?:troops|forces|"
                // "concentrating troops, armoured vehicles and artillery along the border": the list is the build-up's
                + "military|equipment|personnel|manpower)\\b" + MATERIEL_LIST + "|troop\\s+movements?|military\\s+exercises?|\\bexercises\\b(?!\\s+(?:restraint|caution|its|their|the\\s+right))|\\bdrills\\b|"
                + "deploy(?:ed|ment)\\s+of|\\breinforcements\\b|\\bmassing\\b|"
                + "\\b(?:deploy|redeploy|mov|bring|brought|transferr?|amass|mass(?=ed|ing))\\w*\\s+(?:in\\s+|up\\s+)?(?:[\\w-]+\\s+){0,3}?"
                + MATERIEL + "\\b" + MATERIEL_LIST + "|" + MOVED_PASSIVE));
        EVENT_TYPE_PHRASES.put(EventType.THREAT, ("(?<!life[\\s-])\\bthreaten\\w*|\\bultimatum|imminent\\s+attack|"
                + "\\b(?:will|would|shall)\\s+(?:be\\s+forced\\s+to\\s+|not\\s+hesitate\\s+to\\s+)?(?:use\\s+(?:military\\s+)?force|"
                + "resort\\s+to\\s+force|respond\\s+(?:harshly|decisively|with\\s+force)|be\\s+(?:resolutely|decisively|harshly|severely|"
                + "immediately|firmly)\\s+(?:suppressed|punished|stopped|crushed|responded\\s+to)|take\\s+(?:decisive|harsh)\\s+"
                + "(?:measures|action))|"
                // "we will resolve this issue by force", "would settle the matter by military means", "will take it back
                // by force of arms" (not "will not … by force", nor what was done: "was repelled by force")
                + "\\b(?:will|would|shall)\\s+(?:(?!not\\b|never\\b)[\\w'’-]+\\s+){1,5}?by\\s+(?:(?:military|armed)\\s+)?"
                + "(?:force|force\\s+of\\s+arms|military\\s+means|means\\s+of\\s+war)\\b|"
                + "prepar\\w+\\s+(?:for\\s+)?(?:an?\\s+|new\\s+|further\\s+)?(?:(?:military|armed|large-scale|full-scale|new)\\s+)?"
                + "(?:attacks?|offensives?|provocations?|escalation|war|aggression|invasion)\\b"));
    }

    /**
     * All event-type phrasings in one pattern (one pass over the lower-cased text), one named group per phrasing
     * ({@link #EVENT_SCAN_GROUPS}, in order), whose type is the same index of {@link #EVENT_SCAN_TYPES}. A group per
     * phrasing rather than per type lets {@link Alternations} gather the phrasings of all types by first letter.
     */
    static final Pattern EVENT_SCAN;
    static final java.util.List<EventType> EVENT_SCAN_TYPES = new java.util.ArrayList<>();
    static final java.util.List<String> EVENT_SCAN_GROUPS = new java.util.ArrayList<>();

    static {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<EventType, String> e : EVENT_TYPE_PHRASES.entrySet()) {
            for (String phrasing : Alternations.alternatives(e.getValue())) {
                if (b.length() > 0) {
                    b.append('|');
                }
                String group = "t" + EVENT_SCAN_GROUPS.size();
                b.append("(?<").append(group).append('>').append(phrasing).append(')');
                EVENT_SCAN_GROUPS.add(group);
                EVENT_SCAN_TYPES.add(e.getKey());
            }
        }
        EVENT_SCAN = Alternations.compile("\\b(?:" + b + ")"); // every phrasing starts a word: fail fast mid-word
    }

    /** Generic fire, on lower-cased text. */
    static final Pattern GENERIC_FIRE_LOWER = Alternations.compile(
            "\\b(?:opened\\s+fire|open\\s+fire|fired|firing|fire|shots?|shooting)\\b"
                    + "(?!\\s+(?:positions?|points?|posts?|lines?|ranges?|nests?))");

    /** Before "between" in {@link #MUTUAL}: no superlative ("were the worst / deadliest / most serious between"). */
    private static final String NOT_A_RANKING = "(?!(?:[\\w-]+\\s+){0,3}?(?:worst|deadliest|heaviest|fiercest|bloodiest|"
            + "biggest|largest|most\\s+[\\w-]+)\\s+between\\b)";

    /**
     * Both sides acted: "Azerbaijani and Armenian forces exchanged fire". No single acting party. Not a ranking of the
     * fighting among all between the two: "The clashes were the worst between the two neighbours since their 2020 war"
     * says how grave it was, not who fired (`h71-11`).
     */
    static final Pattern MUTUAL = p("\\b(?:armenian|azerbaijani)\\s+and\\s+(?:armenian|azerbaijani)\\s+(?:armed\\s+)?"
            + "(?:forces|sides|troops|units|servicemen|soldiers)\\b|\\bboth\\s+sides\\s+(?:opened|exchanged|fired)|"
            + "\\b(?:forces|sides|troops|units)\\s+exchanged\\s+(?:fire|shots|gunfire)\\b|"
            + "\\b(?:exchange|exchanges)\\s+of\\s+(?:fire|gunfire|shots)\\s+" + NOT_A_RANKING
            + "(?:[\\w-]+\\s+){0,4}?between\\b|"
            + "\\b(?:firefight|shootout|skirmish|clash)(?:es)?\\s+" + NOT_A_RANKING + "(?:[\\w-]+\\s+){0,4}?between\\b");

    /**
     * Who started a mutual exchange, when the text says so: "… after Azerbaijani units opened fire", "provoked by the
     * Armenian side". Group 1 or 2 holds the adjective.
     */
    static final Pattern INITIATOR = p("\\b(armenian|azerbaijani)\\s+(?:armed\\s+)?(?:forces|units|side|troops|servicemen"
            + "|soldiers)\\s+(?:first\\s+|had\\s+)?(?:opened\\s+fire|started|initiated|provoked)\\b"
            + "|\\b(?:started|initiated|provoked)\\s+by\\s+(?:the\\s+)?(armenian|azerbaijani)\\b");

    /** Casualty words after or before a number (lower case); "2 KIA, 1 WIA": killed / wounded in action. */
    static final java.util.Set<String> KILLED_WORDS = java.util.Set.of("killed", "dead", "died", "death", "deaths",
            "killing", "perished", "fatalities", "martyred", "martyrs", "succumbed", "kia");
    static final java.util.Set<String> WOUNDED_WORDS = java.util.Set.of("wounded", "injured", "injuries", "injuring", "wounding",
            "hurt", "wound", "wounds", "injury", "wia");

    /**
     * "the serviceman wounded on 9 January died of his wounds", "an Armenian soldier wounded in the shelling … died in
     * hospital", "… was wounded and later died": the wound word before this phrase names the same person, who is
     * counted once, as killed. A bare "died" counts only as a main verb (followed by a place, a time or the sentence's
     * end), not "died" inside a count of others ("the number of those who died has risen").
     */
    static final Pattern DIED_OF_WOUNDS = p("\\b(?:died|dies|succumbed)\\s+(?:[\\w-]+\\s+){0,3}?(?:of|from|to)\\s+"
            + "(?:his|her|their|the)\\s+(?:\\w+\\s+)?(?:wounds|injuries)\\b"
            + "|\\b(?:(?:has|have|had|later|subsequently|then|eventually)\\s+)?(?:died|passed\\s+away)"
            + "(?=\\s+(?:in|at|on|later|today|yesterday|overnight|this|last|early|shortly|soon|after|while|during|the\\s+next)\\b"
            + "|\\s*(?:[.;,]|$))");

    private static final String FEW = "(?:\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
    private static final String DIED = "(?:(?:has|have|had|later|subsequently|then|eventually|since|afterwards)\\s+)*"
            + "(?:died|succumbed|passed\\s+away)\\b";
    private static final String OF_WOUNDS = "(?:\\s+(?:later\\s+)?(?:in|at)\\s+(?:the\\s+)?hospital\\b|\\s+(?:of|from|to)\\s+"
            + "(?:his|her|their|the)\\s+(?:\\w+\\s+)?(?:wounds|injuries)\\b)";

    /**
     * Deaths among people already counted as wounded: "three servicemen were wounded, one of whom later died", "five
     * were wounded; two of them died of their wounds", "one of the wounded died in hospital", and — people dying of
     * wounds besides those counted before — "a further two died in hospital", "two more died of their wounds". Each
     * moves its count from the wounded to the killed (group {@code n}).
     */
    static final Pattern DEATHS_AMONG_WOUNDED = p("\\b(?<n>" + FEW + ")\\s+of\\s+(?:whom|them|these|those|the\\s+(?:wounded|injured)"
            + "(?:\\s+(?:servicemen|soldiers|men|people|civilians|persons))?)\\s+" + DIED + OF_WOUNDS + "?"
            + "|\\b(?:a\\s+further|another)\\s+(?<m>" + FEW + ")\\s+(?:\\w+\\s+)?" + DIED + OF_WOUNDS
            + "|\\b(?<k>" + FEW + ")\\s+(?:more|others|other\\s+\\w+)\\s+" + DIED + OF_WOUNDS);

    /**
     * Between a wound word and "died of his wounds": another person ("one was wounded and another died ...", "three
     * were wounded, one of whom died") — but not "and" right before the death ("was wounded and later died"), nor a
     * "while" of what the wounded was doing ("wounded while working in his garden … died").
     */
    static final Pattern OTHER_PERSON = p("\\band\\b(?!\\s+(?:(?:later|subsequently|then|eventually)\\s+)?"
            + "(?:died|dies|succumbed|passed\\s+away)\\b)|\\banother\\b|\\bwhile\\b(?!\\s+(?:on\\s+duty|\\p{L}+ing)\\b)|;|\\bof\\s+(?:whom|them)\\b");

    /**
     * The fate a hypothetical act is warned of: "Any provocation by the Armenian side will be resolutely suppressed",
     * "any attempt at a new attack shall be severely punished" — a {@link #WARNING} (a {@code THREAT} only when it is
     * the whole statement), blanked before the event types are read so that it adds no {@code THREAT} beside an event.
     */
    static final String HYPOTHETICAL_WARNING = "\\bany\\s+(?:[\\w-]+\\s+){0,3}?(?:provocations?|attempts?|attacks?|"
            + "actions?|acts?|aggression|violations?|incursions?)\\b[^.;!?]{0,100}?\\b(?:will|would|shall)\\s+be\\s+"
            + "(?:\\w+ly\\s+)?(?:suppressed|punished|stopped|crushed|responded\\s+to)\\b";

    /** Blanked as {@link #HYPOTHETICAL_WARNING}. */
    static final Pattern HYPOTHETICAL_WARNED = p(HYPOTHETICAL_WARNING);

    /** Destroying verbs in a passive announced for the future ("will be destroyed by the Azerbaijan Army"). */
    private static final String DESTROYED = "(?:destroyed|neutrali[sz]ed|eliminated|suppressed|crushed)";

    /**
     * A warning of force to come: "any attempt at provocation will be met with a decisive response", "will receive a
     * fitting rebuff" — a {@code THREAT} only in a statement that describes no event —, or the speaker's own force
     * announced in the first person: "if Armenia does not agree, we will resolve this issue by force", "we shall use
     * force" (the side named in the condition is no actor; the threat is the issuer's).
     */
    static final Pattern WARNING = p(HYPOTHETICAL_WARNING + "|"
            + "\\bwill\\s+(?:be\\s+(?:met|answered)\\s+with|receive|be\\s+given)\\s+(?:an?\\s+)?"
            + "(?:decisive|adequate|harsh|resolute|firm|fitting|crushing|appropriate|immediate|severe)\\s+(?:response|rebuff|answer)\\b|"
            + "\\bwe\\s+(?:will|would|shall)\\s+(?:(?!not\\b|never\\b)[\\w'’-]+\\s+){0,5}?(?:by\\s+(?:(?:military|armed)\\s+)?"
            + "(?:force|military\\s+means)|use\\s+(?:military\\s+)?force|resort\\s+to\\s+force)\\b|"
            // a strike announced in the passive: "the firing points from which they originate will be destroyed by the
            // Azerbaijan Army" (by forces, or what is to be destroyed is the other side's firing points or positions)
            + "\\bwill\\s+be\\s+(?:\\w+ly\\s+)?" + DESTROYED + "\\s+by\\s+(?:the\\s+|our\\s+)?(?:[\\w-]+\\s+){0,2}?"
            + "(?:army|armed\\s+forces|forces|units|troops)\\b|"
            + "\\b(?:firing\\s+points?|positions|provocateurs)\\s+(?:[\\w'’-]+\\s+){0,6}?will\\s+be\\s+(?:\\w+ly\\s+)?"
            + DESTROYED + "\\b");

    /** "mortally wounded", "fatally injured", "a fatal (gunshot) wound": a death, not a wound. */
    static final java.util.Set<String> FATALLY = java.util.Set.of("mortally", "fatally", "fatal", "mortal", "lethal");
    /** Wound words that are nouns, which an adjective and a kind may precede ("a fatal gunshot wound"). */
    static final java.util.Set<String> WOUND_NOUNS = java.util.Set.of("wound", "wounds", "injury", "injuries");

    /**
     * A source quoting its own earlier words: "in our update of 3 March we said that …", "we reported earlier that …",
     * "our statement of 2 May stated that …".
     */
    static final Pattern OWN_EARLIER_WORDS = p("\\bwe\\s+(?:had\\s+)?(?:(?:earlier|previously|initially|wrongly|"
            + "mistakenly)\\s+)?(?:said|stated|reported|wrote|announced|indicated)\\b|\\bour\\s+(?:earlier\\s+|previous\\s+)?"
            + "(?:update|statement|report|note|bulletin|press\\s+release|post)\\b[^.;]{0,60}?\\b(?:said|stated|reported|"
            + "indicated)\\b");

    /**
     * A text that corrects what it said before: "Correction:", "Clarification to our update of 6 December:", "we correct
     * this", "this supersedes …", "retracts".
     */
    static final Pattern CORRECTION = p("\\bcorrection\\b|\\bclarification\\s+(?:to|of|on)\\b|\\bcorrect(?:s|ed|ing)?\\s+(?:this|that|it|the|our|its|an?)\\b|"
            + "\\bretract\\w*|\\bsupersed\\w*");

    /**
     * Where a second act begins in a sentence (lower case): "… opened fire in the direction of Yukhari Shorja and used a
     * drone near Norabak" (", and" or "and" before a verb of using or launching a weapon), or a semicolon.
     */
    static final Pattern NEXT_ACT = Alternations.compile(";|,?\\s+and\\s+(?:then\\s+|also\\s+|later\\s+)?"
            + "(?=(?:used|launched|deployed|dropped|struck|attacked|shelled|bombed|targeted)\\s+(?:an?|the|its|their|two|"
            + "three|several|\\d+)\\b)");

    /**
     * Just before a fire verb, a negation (lower case): "our units did not open fire", "have never fired". A denial's
     * generic "did not open fire" beside the weapon of the claim it answers adds no small-arms fire.
     */
    static final Pattern NEGATED_BEFORE = Alternations.compile("\\b(?:not|never|n['’]t)\\s+(?:(?:yet|ever|once|even)\\s+)?$");

    /** Fire as a verb (lower case): counted as small arms in a later sentence that names no weapon. */
    static final Pattern FIRE_VERB_LOWER = Alternations.compile(
            "\\b(?:opened\\s+fire|open\\s+fire|fired|firing\\s+(?:at|on|upon|towards?|in))\\b");
}
