//! How deep a SPARQL text may nest, checked before and after it is parsed.
//!
//! Oxigraph's parser (`spargebra`), its optimizer and its evaluator recurse once per level of
//! nesting, and a thread that runs out of stack aborts the whole process: one query of 100,000
//! opening braces would stop `negograph serve` or end `negograph query` with "fatal runtime error:
//! stack overflow" instead of an error. So a text is first scanned for how deep its brackets nest
//! (`{`, `(`, `[`, `<<`), which bounds the parser's recursion; then the parsed algebra is measured,
//! which catches what nests without brackets (`1+1+1+...` or `{} UNION {} UNION ...` make trees as
//! deep as they are long). The scan reads only what tells brackets from text: strings, IRIs and
//! comments, whose brackets do not count. It decides nothing else; the parser does.
//!
//! Parsing, the measurement and dropping the tree (also one call per level) run on a thread with
//! [`PARSE_STACK`] bytes of stack, enough for the deepest tree a text within [`MAX_TEXT`] can make.

use spargebra::algebra::{
    AggregateExpression, Expression, GraphPattern, OrderExpression, PropertyPathExpression,
};
use spargebra::{GraphUpdateOperation, Query, SparqlParser, SparqlSyntaxError, Update};

/// Brackets may nest this deep in a query or update text.
pub const MAX_NESTING: usize = 128;

/// The parsed algebra may be this deep (each bracket level is a few levels of algebra).
pub const MAX_DEPTH: usize = 1_000;

/// Texts longer than this many bytes are refused before they are read further.
pub const MAX_TEXT: usize = 1 << 20;

/// The stack of the thread that parses a text: a 1 MiB text of `1+1+...` parses into a tree half
/// a million levels deep, which is dropped one call per level.
pub const PARSE_STACK: usize = 256 << 20;

/// The stack of a thread that evaluates a query: [`MAX_DEPTH`] levels of Oxigraph's evaluator
/// with room to spare. (Only what is used is taken from memory.)
pub const EVAL_STACK: usize = 64 << 20;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitError {
    #[error("the SPARQL text is {0} bytes long; the limit is {MAX_TEXT}")]
    TooLong(usize),
    #[error("the SPARQL text nests brackets more than {MAX_NESTING} deep (at line {line}, column {column}); write the query flatter")]
    TooNested { line: usize, column: usize },
    #[error("the SPARQL text is {0} bytes long; with this process's memory limit (ulimit -v) the limit is {1}")]
    TooLongHere(usize, usize),
    #[error("cannot start a thread to parse the SPARQL text: {0}")]
    NoThread(String),
    #[error("the SPARQL text makes an expression or pattern more than {MAX_DEPTH} levels deep (a long chain of operators or UNIONs); write it flatter, or split it")]
    TooDeep,
}

/// What parsing a text within the limits gives.
#[derive(Debug)]
pub enum Parsed<T> {
    Ok(T),
    /// The parser's own error.
    Syntax(SparqlSyntaxError),
    Limit(LimitError),
}

/// Parses a query within the limits, on a thread with [`PARSE_STACK`] of stack.
pub fn parse_query(text: &str) -> Parsed<Query> {
    parse_with(
        text,
        |t| SparqlParser::new().parse_query(t),
        |q| {
            let pattern = match q {
                Query::Select { pattern, .. }
                | Query::Construct { pattern, .. }
                | Query::Describe { pattern, .. }
                | Query::Ask { pattern, .. } => pattern,
            };
            pattern_depth(pattern, 0) <= MAX_DEPTH
        },
    )
}

/// Parses an update within the limits, on a thread with [`PARSE_STACK`] of stack.
pub fn parse_update(text: &str) -> Parsed<Update> {
    parse_with(
        text,
        |t| SparqlParser::new().parse_update(t),
        |u| {
            u.operations.iter().all(|op| match op {
                GraphUpdateOperation::DeleteInsert { pattern, .. } => {
                    pattern_depth(pattern, 0) <= MAX_DEPTH
                }
                _ => true,
            })
        },
    )
}

fn parse_with<T: Send>(
    text: &str,
    parse: impl Fn(&str) -> Result<T, SparqlSyntaxError> + Sync,
    shallow: impl Fn(&T) -> bool + Sync,
) -> Parsed<T> {
    if text.len() > MAX_TEXT {
        return Parsed::Limit(LimitError::TooLong(text.len()));
    }
    if let Err(e) = check_nesting(text) {
        return Parsed::Limit(e);
    }
    let work = || match parse(text) {
        Err(e) => Parsed::Syntax(e),
        Ok(t) if shallow(&t) => Parsed::Ok(t),
        // the tree is dropped here, on this thread's stack
        Ok(_) => Parsed::Limit(LimitError::TooDeep),
    };
    match on_stack(PARSE_STACK, work) {
        Ok(parsed) => parsed,
        // A process whose address space is limited (ulimit -v) may not reserve that much stack:
        // a sixteenth of it holds the tree of a sixteenth of the text.
        Err(_) if text.len() > MAX_TEXT / 16 => {
            Parsed::Limit(LimitError::TooLongHere(text.len(), MAX_TEXT / 16))
        }
        Err(_) => match on_stack(PARSE_STACK / 16, work) {
            Ok(parsed) => parsed,
            Err(e) => Parsed::Limit(LimitError::NoThread(e.to_string())),
        },
    }
}

/// Runs `f` on a thread of its own with `stack` bytes of stack and returns what it returns (a
/// panic in it is resumed here), or why no such thread could be started.
pub fn on_stack<T: Send>(stack: usize, f: impl FnOnce() -> T + Send) -> Result<T, std::io::Error> {
    std::thread::scope(|s| {
        let handle = std::thread::Builder::new()
            .name("negograph-sparql".into())
            .stack_size(stack)
            .spawn_scoped(s, f)?;
        match handle.join() {
            Ok(t) => Ok(t),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// Whether the query calls another endpoint (`SERVICE`) anywhere.
pub fn calls_service(query: &Query) -> bool {
    let pattern = match query {
        Query::Select { pattern, .. }
        | Query::Construct { pattern, .. }
        | Query::Describe { pattern, .. }
        | Query::Ask { pattern, .. } => pattern,
    };
    pattern_calls_service(pattern)
}

/// Whether the update fetches a document (`LOAD`) or calls another endpoint (`SERVICE`).
pub fn update_reaches_out(update: &Update) -> bool {
    update.operations.iter().any(|op| match op {
        GraphUpdateOperation::Load { .. } => true,
        GraphUpdateOperation::DeleteInsert { pattern, .. } => pattern_calls_service(pattern),
        _ => false,
    })
}

fn pattern_calls_service(p: &GraphPattern) -> bool {
    let mut found = false;
    visit_pattern(p, &mut |q| {
        found |= matches!(q, GraphPattern::Service { .. })
    });
    found
}

/// Calls `f` on `p` and every pattern inside it, those in `EXISTS` filters included (the tree is
/// within [`MAX_DEPTH`], so the recursion is bounded).
fn visit_pattern(p: &GraphPattern, f: &mut impl FnMut(&GraphPattern)) {
    f(p);
    let (children, expressions) = parts(p);
    for c in children {
        visit_pattern(c, f);
    }
    for e in expressions {
        visit_expression(e, f);
    }
}

fn visit_expression(e: &Expression, f: &mut impl FnMut(&GraphPattern)) {
    if let Expression::Exists(p) = e {
        visit_pattern(p, f);
    }
    for c in sub_expressions(e) {
        visit_expression(c, f);
    }
}

/// The patterns and expressions directly inside a pattern.
fn parts(p: &GraphPattern) -> (Vec<&GraphPattern>, Vec<&Expression>) {
    use GraphPattern as G;
    match p {
        G::Bgp { .. } | G::Path { .. } | G::Values { .. } => (vec![], vec![]),
        G::Join { left, right }
        | G::Lateral { left, right }
        | G::Union { left, right }
        | G::Minus { left, right } => (vec![left, right], vec![]),
        G::LeftJoin {
            left,
            right,
            expression,
        } => (vec![left, right], expression.iter().collect()),
        G::Filter { expr, inner } => (vec![inner], vec![expr]),
        G::Extend {
            inner, expression, ..
        } => (vec![inner], vec![expression]),
        G::OrderBy { inner, expression } => (
            vec![inner],
            expression
                .iter()
                .map(|o| match o {
                    OrderExpression::Asc(e) | OrderExpression::Desc(e) => e,
                })
                .collect(),
        ),
        G::Group {
            inner, aggregates, ..
        } => (
            vec![inner],
            aggregates
                .iter()
                .filter_map(|(_, a)| match a {
                    AggregateExpression::CountSolutions { .. } => None,
                    AggregateExpression::FunctionCall { expr, .. } => Some(expr),
                })
                .collect(),
        ),
        G::Graph { inner, .. }
        | G::Project { inner, .. }
        | G::Distinct { inner }
        | G::Reduced { inner }
        | G::Slice { inner, .. }
        | G::Service { inner, .. } => (vec![inner], vec![]),
    }
}

/// The expressions directly inside an expression (not those of an `EXISTS` pattern).
fn sub_expressions(e: &Expression) -> Vec<&Expression> {
    use Expression as E;
    match e {
        E::NamedNode(_) | E::Literal(_) | E::Variable(_) | E::Bound(_) | E::Exists(_) => vec![],
        E::Or(a, b)
        | E::And(a, b)
        | E::Equal(a, b)
        | E::SameTerm(a, b)
        | E::Greater(a, b)
        | E::GreaterOrEqual(a, b)
        | E::Less(a, b)
        | E::LessOrEqual(a, b)
        | E::Add(a, b)
        | E::Subtract(a, b)
        | E::Multiply(a, b)
        | E::Divide(a, b) => vec![a, b],
        E::In(a, list) => std::iter::once(&**a).chain(list).collect(),
        E::UnaryPlus(a) | E::UnaryMinus(a) | E::Not(a) => vec![a],
        E::If(a, b, c) => vec![a, b, c],
        E::Coalesce(list) | E::FunctionCall(_, list) => list.iter().collect(),
    }
}

/// How deep the pattern is, counting from `at`; stops descending past [`MAX_DEPTH`].
fn pattern_depth(p: &GraphPattern, at: usize) -> usize {
    if at > MAX_DEPTH {
        return at;
    }
    let (children, expressions) = parts(p);
    let mut deepest = at;
    for c in children {
        deepest = deepest.max(pattern_depth(c, at + 1));
    }
    for e in expressions {
        deepest = deepest.max(expression_depth(e, at + 1));
    }
    if let GraphPattern::Path { path, .. } = p {
        deepest = deepest.max(path_depth(path, at + 1));
    }
    deepest
}

fn expression_depth(e: &Expression, at: usize) -> usize {
    if at > MAX_DEPTH {
        return at;
    }
    let mut deepest = at;
    if let Expression::Exists(p) = e {
        deepest = pattern_depth(p, at + 1);
    }
    for c in sub_expressions(e) {
        deepest = deepest.max(expression_depth(c, at + 1));
    }
    deepest
}

fn path_depth(p: &PropertyPathExpression, at: usize) -> usize {
    use PropertyPathExpression as P;
    if at > MAX_DEPTH {
        return at;
    }
    match p {
        P::NamedNode(_) | P::NegatedPropertySet(_) => at,
        P::Reverse(a) | P::ZeroOrMore(a) | P::OneOrMore(a) | P::ZeroOrOne(a) => {
            path_depth(a, at + 1)
        }
        P::Sequence(a, b) | P::Alternative(a, b) => {
            path_depth(a, at + 1).max(path_depth(b, at + 1))
        }
    }
}

/// Refuses a text whose brackets nest deeper than [`MAX_NESTING`]. Brackets inside strings, IRIs
/// and comments do not count; an unbalanced text is left to the parser to refuse.
pub fn check_nesting(text: &str) -> Result<(), LimitError> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'#' => i = skip_until(bytes, i, b"\n"),
            b'"' | b'\'' => i = skip_string(bytes, i),
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                depth += 1;
                i += 2;
            }
            b'<' => i = iri_end(bytes, i).unwrap_or(i + 1),
            b'>' if bytes.get(i + 1) == Some(&b'>') => {
                depth = depth.saturating_sub(1);
                i += 2;
            }
            b'{' | b'(' | b'[' => {
                depth += 1;
                i += 1;
            }
            b'}' | b')' | b']' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            _ => i += 1,
        }
        if depth > MAX_NESTING {
            // `i` is just past an ASCII bracket, so on a character boundary
            let before = &text[..i];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count();
            return Err(LimitError::TooNested { line, column });
        }
    }
    Ok(())
}

/// The index after `end` found from `i + 1`, or the end of the text.
fn skip_until(bytes: &[u8], i: usize, end: &[u8]) -> usize {
    bytes[i + 1..]
        .windows(end.len())
        .position(|w| w == end)
        .map_or(bytes.len(), |p| i + 1 + p + end.len())
}

/// The index after the string literal starting at `i` (short or long, with escapes).
fn skip_string(bytes: &[u8], i: usize) -> usize {
    let q = bytes[i];
    if bytes.get(i + 1) == Some(&q) && bytes.get(i + 2) == Some(&q) {
        let mut j = i + 3;
        while j < bytes.len() {
            if bytes[j] == b'\\' {
                j += 2;
            } else if bytes[j..].starts_with(&[q, q, q]) {
                return j + 3;
            } else {
                j += 1;
            }
        }
        return bytes.len();
    }
    let mut j = i + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b'\n' | b'\r' => return j, // a short string ends at the line; the parser says more
            c if c == q => return j + 1,
            _ => j += 1,
        }
    }
    bytes.len()
}

/// The index after an IRI reference `<...>` at `i`, if one starts there (otherwise `<` is the
/// less-than operator). The characters are those of SPARQL's IRIREF.
fn iri_end(bytes: &[u8], i: usize) -> Option<usize> {
    for (j, &c) in bytes.iter().enumerate().skip(i + 1) {
        match c {
            b'>' => return Some(j + 1),
            b'<' | b'"' | b'{' | b'}' | b'|' | b'^' | b'`' | b'\\' | 0..=b' ' => return None,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_in_strings_iris_and_comments_do_not_count() {
        let deep = "{".repeat(MAX_NESTING + 1);
        let text = format!(
            "SELECT * WHERE {{ ?s ?p \"{deep}\" . ?s <http://e.org/((((x> ?o # {deep}\n FILTER(?o < 3 && ?o > '''{deep}''') }}"
        );
        assert_eq!(check_nesting(&text), Ok(()));
        assert!(matches!(parse_query(&text), Parsed::Ok(_)));
    }

    #[test]
    fn deep_brackets_are_refused_before_parsing() {
        let n = 100_000;
        let text = format!("SELECT * WHERE {}{}", "{".repeat(n), "}".repeat(n));
        assert!(matches!(
            parse_query(&text),
            Parsed::Limit(LimitError::TooNested { line: 1, .. })
        ));
        let text = format!("ASK {{ FILTER({}1{}) }}", "(".repeat(n), ")".repeat(n));
        assert!(matches!(
            parse_query(&text),
            Parsed::Limit(LimitError::TooNested { .. })
        ));
        let ok = format!("ASK {{ FILTER({}1{}) }}", "(".repeat(100), ")".repeat(100));
        assert!(matches!(parse_query(&ok), Parsed::Ok(_)));
    }

    #[test]
    fn long_chains_are_refused_after_parsing() {
        let chain = format!("ASK {{ FILTER(1{}) }}", "+1".repeat(300_000));
        assert!(matches!(
            parse_query(&chain),
            Parsed::Limit(LimitError::TooDeep)
        ));
        let unions = format!("SELECT * WHERE {{ {{}}{} }}", " UNION {}".repeat(20_000));
        assert!(matches!(
            parse_query(&unions),
            Parsed::Limit(LimitError::TooDeep)
        ));
        let short = format!("ASK {{ FILTER(1{}) }}", "+1".repeat(500));
        assert!(matches!(parse_query(&short), Parsed::Ok(_)));
    }

    #[test]
    fn service_and_load_are_seen() {
        let Parsed::Ok(q) = parse_query(
            "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } } }",
        ) else {
            panic!("parses")
        };
        assert!(calls_service(&q));
        let Parsed::Ok(q) = parse_query("SELECT * WHERE { ?s ?p 'SERVICE' }") else {
            panic!("parses")
        };
        assert!(!calls_service(&q));
        let Parsed::Ok(u) = parse_update("LOAD <http://localhost/x.ttl>") else {
            panic!("parses")
        };
        assert!(update_reaches_out(&u));
        let Parsed::Ok(u) = parse_update("INSERT DATA { <http://e.org/a> <http://e.org/b> 1 }")
        else {
            panic!("parses")
        };
        assert!(!update_reaches_out(&u));
    }
}
