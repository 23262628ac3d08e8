//! What the rules that read clauses read of one article: its text, the words and clauses of the
//! sentences that need them, the lexicon and the actors found. Made once, after the clauses are
//! parsed; the deal's terms and the clause rules read it.

use super::actors::Found;
use super::syntax::{Clauses, Words};
use crate::lexicon::Lexicon;
use crate::text::Text;

#[derive(Clone, Copy)]
pub struct Parsed<'a> {
    pub text: &'a Text<'a>,
    pub words: &'a Words,
    pub clauses: &'a Clauses,
    pub lexicon: &'a Lexicon,
    pub found: &'a Found,
}
