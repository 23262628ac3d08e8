//! Word classes: the 45 part-of-speech tags of the Penn Treebank, with the questions the rules
//! ask of them (is it a noun, a verb, which form of the verb).

use std::fmt;

/// A Penn Treebank part-of-speech tag.
///
/// The verb forms stay apart, as the treebank has them: [`Tag::VB`] base ("will *mediate*"),
/// [`Tag::VBD`] past ("they *mediated*"), [`Tag::VBG`] gerund or present participle
/// ("*mediating*"), [`Tag::VBN`] past participle ("was *mediated*", "the deal *brokered* by"),
/// [`Tag::VBP`] present, not third person singular ("they *mediate*"), [`Tag::VBZ`] present,
/// third person singular ("it *mediates*").
#[allow(clippy::upper_case_acronyms)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum Tag {
    /// Coordinating conjunction: and, or, but.
    CC,
    /// Cardinal number: 3, 1,200, three.
    CD,
    /// Determiner: the, a, this, no.
    DT,
    /// Existential there.
    EX,
    /// Foreign word.
    FW,
    /// Preposition or subordinating conjunction: in, of, after, that, whether.
    IN,
    /// Adjective: new, Egyptian.
    JJ,
    /// Comparative adjective: larger.
    JJR,
    /// Superlative adjective: largest.
    JJS,
    /// List item marker.
    LS,
    /// Modal: will, would, can, must.
    MD,
    /// Noun, singular or mass: deal, cease-fire.
    NN,
    /// Noun, plural: talks, hostages.
    NNS,
    /// Proper noun, singular: Qatar, Hamas.
    NNP,
    /// Proper noun, plural: Americans.
    NNPS,
    /// Predeterminer: all (the), both (the), half.
    PDT,
    /// Possessive ending: 's, '.
    POS,
    /// Personal pronoun: he, we, them.
    PRP,
    /// Possessive pronoun: his, our (PRP$).
    PRPS,
    /// Adverb: not, also, never.
    RB,
    /// Comparative adverb: later, more.
    RBR,
    /// Superlative adverb: most.
    RBS,
    /// Particle: (pull) out, (set) up.
    RP,
    /// Symbol.
    SYM,
    /// to.
    TO,
    /// Interjection.
    UH,
    /// Verb, base form.
    VB,
    /// Verb, past tense.
    VBD,
    /// Verb, gerund or present participle.
    VBG,
    /// Verb, past participle.
    VBN,
    /// Verb, present tense, not third person singular.
    VBP,
    /// Verb, present tense, third person singular.
    VBZ,
    /// Wh-determiner: which, that (relative).
    WDT,
    /// Wh-pronoun: who, what.
    WP,
    /// Possessive wh-pronoun: whose (WP$).
    WPS,
    /// Wh-adverb: when, where, how.
    WRB,
    /// `$` and other currency signs.
    Dollar,
    /// `#`.
    Pound,
    /// Opening quotation mark (``).
    LQuote,
    /// Closing quotation mark ('').
    RQuote,
    /// Opening bracket (-LRB-).
    LRB,
    /// Closing bracket (-RRB-).
    RRB,
    /// Comma.
    Comma,
    /// Sentence-final punctuation: . ! ?
    Period,
    /// Colon, semicolon, dash, ellipsis.
    Colon,
}

use Tag::*;

impl Tag {
    /// Every tag, in the order of its number ([`Tag::index`]).
    pub const ALL: [Tag; 45] = [
        CC, CD, DT, EX, FW, IN, JJ, JJR, JJS, LS, MD, NN, NNS, NNP, NNPS, PDT, POS, PRP, PRPS, RB,
        RBR, RBS, RP, SYM, TO, UH, VB, VBD, VBG, VBN, VBP, VBZ, WDT, WP, WPS, WRB, Dollar, Pound,
        LQuote, RQuote, LRB, RRB, Comma, Period, Colon,
    ];

    /// The tag's number, 0 to 44.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The tag of number `i`, if there is one.
    pub fn from_index(i: usize) -> Option<Tag> {
        Tag::ALL.get(i).copied()
    }

    /// The tag as the Penn Treebank writes it ("NN", "PRP$", "-LRB-", "``").
    pub fn as_str(self) -> &'static str {
        match self {
            CC => "CC",
            CD => "CD",
            DT => "DT",
            EX => "EX",
            FW => "FW",
            IN => "IN",
            JJ => "JJ",
            JJR => "JJR",
            JJS => "JJS",
            LS => "LS",
            MD => "MD",
            NN => "NN",
            NNS => "NNS",
            NNP => "NNP",
            NNPS => "NNPS",
            PDT => "PDT",
            POS => "POS",
            PRP => "PRP",
            PRPS => "PRP$",
            RB => "RB",
            RBR => "RBR",
            RBS => "RBS",
            RP => "RP",
            SYM => "SYM",
            TO => "TO",
            UH => "UH",
            VB => "VB",
            VBD => "VBD",
            VBG => "VBG",
            VBN => "VBN",
            VBP => "VBP",
            VBZ => "VBZ",
            WDT => "WDT",
            WP => "WP",
            WPS => "WP$",
            WRB => "WRB",
            Dollar => "$",
            Pound => "#",
            LQuote => "``",
            RQuote => "''",
            LRB => "-LRB-",
            RRB => "-RRB-",
            Comma => ",",
            Period => ".",
            Colon => ":",
        }
    }

    /// The tag the Penn Treebank writes as `s`.
    pub fn from_ptb(s: &str) -> Option<Tag> {
        Tag::ALL.iter().copied().find(|t| t.as_str() == s)
    }

    /// NN, NNS, NNP, NNPS.
    pub fn is_noun(self) -> bool {
        matches!(self, NN | NNS | NNP | NNPS)
    }

    /// NNP, NNPS.
    pub fn is_proper_noun(self) -> bool {
        matches!(self, NNP | NNPS)
    }

    /// NN, NNS: nouns that are not names.
    pub fn is_common_noun(self) -> bool {
        matches!(self, NN | NNS)
    }

    /// NNS, NNPS.
    pub fn is_plural_noun(self) -> bool {
        matches!(self, NNS | NNPS)
    }

    /// PRP, PRP$, WP, WP$.
    pub fn is_pronoun(self) -> bool {
        matches!(self, PRP | PRPS | WP | WPS)
    }

    /// VB, VBD, VBG, VBN, VBP, VBZ (not the modals, [`Tag::MD`]).
    pub fn is_verb(self) -> bool {
        matches!(self, VB | VBD | VBG | VBN | VBP | VBZ)
    }

    /// A verb form that carries tense: VBD, VBP, VBZ, and the modals.
    pub fn is_finite_verb(self) -> bool {
        matches!(self, VBD | VBP | VBZ | MD)
    }

    /// JJ, JJR, JJS.
    pub fn is_adjective(self) -> bool {
        matches!(self, JJ | JJR | JJS)
    }

    /// RB, RBR, RBS, WRB.
    pub fn is_adverb(self) -> bool {
        matches!(self, RB | RBR | RBS | WRB)
    }

    /// DT, PDT, WDT.
    pub fn is_determiner(self) -> bool {
        matches!(self, DT | PDT | WDT)
    }

    /// IN (prepositions and subordinating conjunctions) and TO.
    pub fn is_preposition(self) -> bool {
        matches!(self, IN | TO)
    }

    /// CC.
    pub fn is_conjunction(self) -> bool {
        self == CC
    }

    /// WDT, WP, WP$, WRB.
    pub fn is_wh(self) -> bool {
        matches!(self, WDT | WP | WPS | WRB)
    }

    /// PRP$, WP$, POS: words that make their phrase a possessor.
    pub fn is_possessive(self) -> bool {
        matches!(self, PRPS | WPS | POS)
    }

    /// Quotes, brackets, comma, period, colon (not `$`, `#` or SYM).
    pub fn is_punctuation(self) -> bool {
        matches!(self, LQuote | RQuote | LRB | RRB | Comma | Period | Colon)
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_through_their_names_and_numbers() {
        for (i, t) in Tag::ALL.iter().enumerate() {
            assert_eq!(t.index(), i);
            assert_eq!(Tag::from_index(i), Some(*t));
            assert_eq!(Tag::from_ptb(t.as_str()), Some(*t));
        }
        assert_eq!(Tag::from_ptb("HYPH"), None);
        assert_eq!(Tag::from_index(45), None);
    }

    #[test]
    fn classes() {
        assert!(VBN.is_verb() && !VBN.is_finite_verb() && VBD.is_finite_verb());
        assert!(NNP.is_noun() && NNP.is_proper_noun() && !NN.is_proper_noun());
        assert!(!MD.is_verb() && MD.is_finite_verb());
        assert!(PRPS.is_possessive() && POS.is_possessive() && PRPS.is_pronoun());
        assert!(Comma.is_punctuation() && !Dollar.is_punctuation() && !CD.is_punctuation());
        assert!(JJS.is_adjective() && WRB.is_adverb() && WRB.is_wh() && PDT.is_determiner());
    }
}
