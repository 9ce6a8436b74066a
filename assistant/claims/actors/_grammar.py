"""The vocabulary of sentence structure around an attribution: attribution and speech verbs,
auxiliaries, prepositions, function words, the words that may follow a complete phrase, and
the common words that never name an actor; also the derived sets of words that cannot be
part of a name or that give away a headline set in Title Case.
"""

from __future__ import annotations

from typing import Final

from ._lexicon import (
    BODY_HEADS,
    CALENDAR,
    GROUP_HEADS,
    MODIFIERS,
    ORGANISATION_WORDS,
    PLACE_WORDS,
    PLATFORMS,
    ROLE_HEADS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    WEAK_HEADS,
    word_set,
)

ATTRIBUTION_VERBS: Final = word_set(
    """say says said saying claim claims claimed claiming report reports reported reporting
    state states stated stating tell tells told telling note notes noted noting add adds
    added adding indicate indicates indicated indicating confirm confirms confirmed
    confirming reveal reveals revealed revealing warn warns warned warning suggest suggests
    suggested suggesting estimate estimates estimated estimating believe believes believed
    announce announces announced announcing mention mentions mentioned inform informs
    informed deny denies denied denying dismiss dismisses dismissed dismissing write writes
    wrote tweet tweets tweeted post posts posted argue argues argued insist insists insisted
    acknowledge acknowledges acknowledged allege alleges alleged assert asserts asserted
    declare declares declared explain explains explained disclose discloses disclosed admit
    admits admitted cite cites cited assess assesses assessed suspect suspects suspected
    predict predicts predicted describe describes described accuse accuses accused condemn
    condemns condemned urge urges urged stress stresses stressed emphasize emphasizes
    emphasized emphasise emphasises emphasised point points pointed call calls called
    release releases released publish publishes published issue issues issued share shares
    shared agree agrees agreed conclude concludes concluded observe observes observed
    comment comments commented remark remarks remarked reply replies replied respond
    responds responded answer answers answered wonder wonders wondered voice voices voiced
    calculate calculates calculated project projects projected expect expects expected think
    thinks thought fear fears feared caution cautions cautioned contend contends contended
    reiterate reiterates reiterated testify testified quote quotes quoted recall recalls
    recalled detail details detailed outline outlines outlined dispute disputes disputed
    reject rejects rejected refute refutes refuted question questions questioned admit
    acknowledged briefed brief briefs"""
)
# What plain subjects ("residents", "troops") must do to be asserters: speak.
SPEECH_VERBS: Final = word_set(
    """say says said saying tell tells told claim claims claimed report reports reported state
    states stated add adds added note notes noted warn warns warned confirm confirms
    confirmed deny denies denied insist insists insisted estimate estimates estimated"""
)
BE_FORMS: Final = frozenset({"is", "are", "was", "were", "be", "been", "being"})
# Participles whose "by" introduces the source: "statements made by U.S. officials".
BY_VERBS: Final = ATTRIBUTION_VERBS | word_set(
    """made given provided compiled collected gathered obtained seen reviewed conducted
    verified commissioned presented circulated leaked"""
)
FUNCTION_WORDS: Final = word_set(
    """the a an and or nor but of for to in on at by from with as is are was were be been has
    have had this that these those it its he she they we i you his her their our my your who
    which what when where while if so than then not no also"""
)
SUBJECT_PREPOSITIONS: Final = frozenset({"in", "at", "for", "of", "from", "with"})
PREPOSITIONS: Final = word_set(
    """in at from of for to into on near with without about against between among across over
    under via through inside outside"""
)
# Between a subject and its attribution verb: "South Korea has also indicated".
AUXILIARIES: Final = word_set(
    """has have had also reportedly previously earlier already publicly officially further
    later recently now then again is was were are been be will would could may might can did
    does do not never first repeatedly separately likewise similarly too itself themselves
    initially subsequently today yesterday still only explicitly openly formally last late
    privately separately jointly"""
)
FOLLOW_WORDS: Final = (
    word_set(
        """and or but nor on in at to from that which who whom whose as with without for of by
        about after before since during until via through over under amid while when where
        if because though although than then so yet into against per among between it its
        their there here this last earlier later also just even already reportedly
        apparently allegedly recently previously say believe estimate suggest claim report
        think fear expect assess suspect warn confirm deny insist predict note add state
        argue reveal indicate acknowledge allege"""
    )
    | AUXILIARIES
    | ATTRIBUTION_VERBS
)

COMMON_WORDS: Final = word_set(
    """the a an this that these those some any each every all both either neither no other
    another such what which whose whatever i you he she it we they me him her us them my
    your his its our their mine yours hers ours theirs myself yourself himself herself
    itself ourselves themselves who whom one someone anyone everyone nobody somebody
    everybody none nothing something everything about above across after against along amid
    among around as at before behind below beneath beside besides between beyond but by
    despite down during except for from in inside into like near of off on onto out outside
    over past per since than through throughout till to toward towards under underneath
    unlike until up upon via with within without and or nor so yet because although though
    while whereas if unless whether when whenever where wherever once then also is are was
    were be been being am has have had having do does did will would shall should can could
    may might must ought meanwhile however additionally moreover furthermore overall earlier
    later now today yesterday tomorrow tonight recently previously currently still already
    again further finally first second third last next thus therefore hence instead indeed
    nevertheless nonetheless otherwise similarly likewise separately elsewhere here there
    why how not never only just even very more most less least much many few several almost
    nearly approximately roughly perhaps maybe reportedly apparently allegedly officially
    initially eventually ultimately notably especially particularly specifically clearly
    according following regarding concerning including plus yes ok okay january february
    march april june july august september october november december jan feb mar apr jun jul
    aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
    reports report data evidence images image photos photo photograph video videos footage
    analysis research studies study documents document records record figures figure
    estimates estimate statistics polls poll surveys survey news story stories update
    updates breaking exclusive watch opinion editorial
    two three four five six seven eight nine ten hundred
    hundreds thousand thousands million millions billion dozens if sources officials experts
    analysts people"""
)

NAME_TOKEN_EXCLUDED: Final = (
    COMMON_WORDS
    | PLACE_WORDS
    | TITLE_HEADS
    | TITLE_MODIFIERS
    | ORGANISATION_WORDS
    | MODIFIERS
    | BODY_HEADS
    | GROUP_HEADS
    | ROLE_HEADS
    | WEAK_HEADS
    | PLATFORMS
    | ATTRIBUTION_VERBS
)
LOWERCASE_VOCABULARY: Final = (
    COMMON_WORDS | ATTRIBUTION_VERBS | WEAK_HEADS | GROUP_HEADS
) - CALENDAR
