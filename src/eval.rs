//! Scoring the extractor against gold annotations (the format of `shared/docs/gold-format.md`),
//! counted exactly as `shared/tools/score.py` counts: actors matched by label, else by a single
//! alternative label; roles, positions and stances compared as sets of tuples; micro-averaged
//! precision, recall and F1 per category.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use oxigraph::model::{Quad, Term};
use serde_json::Value;

use crate::vocab::{fold_accent, DCTERMS, ISSUE, NEG, RDF, RDFS, SKOS};

pub const CATEGORIES: [&str; 4] = ["actors", "roles", "positions", "stances"];

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{0}")]
    Io(String, #[source] std::io::Error),
    #[error("{0}: not a gold file")]
    Json(String, #[source] serde_json::Error),
    #[error("{0}: not a gold file: no \"actors\" object")]
    NoActors(String),
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Tally {
    pub fn add(&mut self, o: Tally) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp > 0 {
            self.tp as f64 / (self.tp + self.fp) as f64
        } else if self.fn_ == 0 {
            1.0
        } else {
            0.0
        };
        let r = if self.tp + self.fn_ > 0 {
            self.tp as f64 / (self.tp + self.fn_) as f64
        } else {
            1.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// One article's score, with what was extra and what was missed per category.
#[derive(Debug, Default, Clone)]
pub struct DocScore {
    pub name: String,
    pub tallies: BTreeMap<&'static str, Tally>,
    pub extra: BTreeMap<&'static str, Vec<String>>,
    pub missed: BTreeMap<&'static str, Vec<String>>,
    pub date: &'static str,
}

/// Names compared as the scorer does: accents and case folded, punctuation dropped.
pub fn norm(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars() {
        let c = fold_accent(c);
        if matches!(c, '’' | '\'' | '`' | '.') {
            continue;
        }
        for l in c.to_lowercase() {
            if l.is_ascii_alphanumeric() {
                s.push(l);
            } else if !s.ends_with(' ') {
                s.push(' ');
            }
        }
    }
    s.trim().to_string()
}

/// A gold file and the path of its text.
pub fn read_gold(path: &Path) -> Result<(Value, PathBuf), EvalError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| EvalError::Io(name.clone(), e))?;
    let gold: Value = serde_json::from_str(&text).map_err(|e| EvalError::Json(name.clone(), e))?;
    if !gold.get("actors").is_some_and(Value::is_object) {
        return Err(EvalError::NoActors(name));
    }
    let base = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("")
        .to_string();
    let rel = gold
        .get("text")
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or(format!("{base}.txt"));
    let dir = path.parent().unwrap_or(Path::new("."));
    Ok((gold, dir.join(rel)))
}

/// Gold files among `paths` (folders give their `.json` files, sorted).
pub fn gold_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, EvalError> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| EvalError::Io(p.display().to_string(), e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|e| e == "json"))
                .collect();
            files.sort();
            out.extend(files);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn tuple_of(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|x| x.as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn list(gold: &Value, key: &str) -> Vec<Value> {
    gold.get(key)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

struct Graph {
    sp: HashMap<(String, String), Vec<Term>>,
}

impl Graph {
    fn new(quads: &[Quad]) -> Graph {
        let mut sp: HashMap<(String, String), Vec<Term>> = HashMap::new();
        for q in quads {
            let s = match &q.subject {
                oxigraph::model::NamedOrBlankNode::NamedNode(n) => n.as_str().to_string(),
                other => other.to_string(),
            };
            sp.entry((s, q.predicate.as_str().to_string()))
                .or_default()
                .push(q.object.clone());
        }
        Graph { sp }
    }
    fn objects(&self, s: &str, p: &str) -> &[Term] {
        self.sp
            .get(&(s.to_string(), p.to_string()))
            .map_or(&[], |v| v.as_slice())
    }
    fn one(&self, s: &str, p: &str) -> Option<String> {
        self.objects(s, p).first().map(value)
    }
    fn of_type(&self, types: &[String]) -> Vec<String> {
        let rdf_type = format!("{RDF}type");
        let mut out: BTreeSet<String> = BTreeSet::new();
        for ((s, p), objs) in &self.sp {
            if *p == rdf_type && objs.iter().any(|o| types.contains(&value(o))) {
                out.insert(s.clone());
            }
        }
        out.into_iter().collect()
    }
}

fn value(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => n.as_str().to_string(),
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

/// Scores the quads extracted from one article against its gold annotation.
pub fn score(name: &str, gold: &Value, quads: &[Quad]) -> DocScore {
    let g = Graph::new(quads);
    let mut score = DocScore {
        name: name.to_string(),
        ..DocScore::default()
    };
    let actors = Actors::map(&g, gold, &mut score);
    score_roles(&g, &actors, gold, &mut score);
    score_positions(&g, &actors, gold, &mut score);
    score_stances(&g, &actors, gold, &mut score);
    score.date = date_check(&g, gold);
    score
}

/// The extracted actors, each mapped to the gold actor whose name is its label (else the one
/// whose name is its only matching alternative label), if any.
struct Actors {
    mapped: BTreeMap<String, Option<String>>,
}

impl Actors {
    /// Maps the actors and tallies them: a required gold actor found once is a hit, an actor of
    /// no gold name or a second one for the same gold actor is extra.
    fn map(g: &Graph, gold: &Value, score: &mut DocScore) -> Actors {
        let names = gold_names(gold);
        let required: BTreeSet<String> = gold["actors"]
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        let actor_types: Vec<String> = ["State", "Organization", "Person", "Group", "Actor"]
            .iter()
            .map(|t| format!("{NEG}{t}"))
            .collect();
        let label_p = format!("{RDFS}label");
        let alt_p = format!("{SKOS}altLabel");
        let mut mapped: BTreeMap<String, Option<String>> = BTreeMap::new();
        let mut unmatched = Vec::new();
        for node in g.of_type(&actor_types) {
            let label = g.one(&node, &label_p);
            let mut gid = label.as_ref().and_then(|l| names.get(&norm(l)).cloned());
            if gid.is_none() {
                let alts: BTreeSet<String> = g
                    .objects(&node, &alt_p)
                    .iter()
                    .filter_map(|a| names.get(&norm(&value(a))).cloned())
                    .collect();
                if alts.len() == 1 {
                    gid = alts.into_iter().next();
                }
            }
            if gid.is_none() {
                unmatched.push(label.clone().unwrap_or(node.clone()));
            }
            mapped.insert(node, gid);
        }
        let mut seen = BTreeSet::new();
        let mut dupes = Vec::new();
        for (node, gid) in &mapped {
            if let Some(gid) = gid {
                if required.contains(gid) && !seen.insert(gid.clone()) {
                    dupes.push(format!(
                        "{} (second actor for {gid})",
                        g.one(node, &label_p).unwrap_or_default()
                    ));
                }
            }
        }
        score.tallies.insert(
            "actors",
            Tally {
                tp: seen.len(),
                fp: unmatched.len() + dupes.len(),
                fn_: required.difference(&seen).count(),
            },
        );
        score
            .extra
            .insert("actors", unmatched.into_iter().chain(dupes).collect());
        score
            .missed
            .insert("actors", required.difference(&seen).cloned().collect());
        Actors { mapped }
    }

    /// The gold id of an extracted node, or `?label` when it maps to none.
    fn gid_of(&self, g: &Graph, node: &str) -> String {
        match self.mapped.get(node) {
            Some(Some(gid)) => gid.clone(),
            Some(None) => format!(
                "?{}",
                g.one(node, &format!("{RDFS}label"))
                    .unwrap_or(node.to_string())
            ),
            None => format!("?{node}"),
        }
    }
}

/// Every name of a gold actor (required or optional), normalised, to its id.
fn gold_names(gold: &Value) -> HashMap<String, String> {
    let mut names: HashMap<String, String> = HashMap::new();
    for section in ["actors", "optional_actors"] {
        if let Some(obj) = gold.get(section).and_then(Value::as_object) {
            for (gid, a) in obj {
                for n in a
                    .get("names")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    names
                        .entry(norm(n.as_str().unwrap_or("")))
                        .or_insert_with(|| gid.clone());
                }
            }
        }
    }
    names
}

/// The local name of an IRI in `base`.
fn local(v: Option<String>, base: &str) -> Option<String> {
    v.and_then(|v| v.strip_prefix(base).map(str::to_string))
}

fn score_roles(g: &Graph, actors: &Actors, gold: &Value, score: &mut DocScore) {
    let mut roles: BTreeSet<Vec<String>> = BTreeSet::new();
    for node in g.of_type(&[format!("{NEG}Participation")]) {
        if let (Some(a), Some(r)) = (
            g.one(&node, &format!("{NEG}actor")),
            local(g.one(&node, &format!("{NEG}role")), NEG),
        ) {
            roles.insert(vec![actors.gid_of(g, &a), r]);
        }
    }
    let eq = |t: &Vec<String>, gv: &Value| *t == tuple_of(gv);
    tally(
        score,
        "roles",
        &roles,
        &list(gold, "roles"),
        &list(gold, "optional_roles"),
        eq,
    );
}

fn score_positions(g: &Graph, actors: &Actors, gold: &Value, score: &mut DocScore) {
    let mut positions: BTreeSet<Vec<String>> = BTreeSet::new();
    for node in g.of_type(&[format!("{NEG}Position")]) {
        let h = g.one(&node, &format!("{NEG}holder"));
        let o = g.one(&node, &format!("{NEG}organization"));
        let title = g.one(&node, &format!("{NEG}title")).unwrap_or_default();
        if let (Some(h), Some(o)) = (h, o) {
            positions.insert(vec![
                actors.gid_of(g, &h),
                actors.gid_of(g, &o),
                norm(&title),
            ]);
        }
    }
    let pos_match = |t: &Vec<String>, gv: &Value| {
        let gp = tuple_of(gv);
        gp.len() == 3 && t[0] == gp[0] && t[1] == gp[1] && t[2].contains(&norm(&gp[2]))
    };
    tally(
        score,
        "positions",
        &positions,
        &list(gold, "positions"),
        &list(gold, "optional_positions"),
        pos_match,
    );
}

fn score_stances(g: &Graph, actors: &Actors, gold: &Value, score: &mut DocScore) {
    let mut stances: BTreeSet<Vec<String>> = BTreeSet::new();
    for node in g.of_type(&[format!("{NEG}Stance")]) {
        let h = g.one(&node, &format!("{NEG}holder"));
        let t = g.one(&node, &format!("{NEG}target"));
        let pol = local(g.one(&node, &format!("{NEG}polarity")), NEG);
        if let (Some(h), Some(t), Some(pol)) = (h, t, pol) {
            if pol != "Support" && pol != "Oppose" {
                continue;
            }
            let target = t
                .strip_prefix(ISSUE)
                .map(str::to_string)
                .unwrap_or_else(|| actors.gid_of(g, &t));
            stances.insert(vec![actors.gid_of(g, &h), target, pol]);
        }
    }
    let st_match = |t: &Vec<String>, gv: &Value| {
        let arr = gv.as_array().cloned().unwrap_or_default();
        if arr.len() != 3 {
            return false;
        }
        let holders = tuple_of(&arr[0]);
        holders.contains(&t[0]) && arr[1].as_str() == Some(&t[1]) && arr[2].as_str() == Some(&t[2])
    };
    tally(
        score,
        "stances",
        &stances,
        &list(gold, "stances"),
        &list(gold, "optional_stances"),
        st_match,
    );
}

/// Whether the document date is the gold one: "ok", "wrong", "missing", or "-" without one.
fn date_check(g: &Graph, gold: &Value) -> &'static str {
    let Some(d) = gold.get("date").and_then(Value::as_str) else {
        return "-";
    };
    let found: Vec<String> = g
        .of_type(&[format!("{NEG}Document")])
        .iter()
        .flat_map(|n| {
            g.objects(n, &format!("{DCTERMS}date"))
                .iter()
                .map(|v| value(v).chars().take(10).collect::<String>())
                .collect::<Vec<_>>()
        })
        .collect();
    if found.iter().any(|f| f == d) {
        "ok"
    } else if found.is_empty() {
        "missing"
    } else {
        "wrong"
    }
}

fn tally(
    score: &mut DocScore,
    cat: &'static str,
    found: &BTreeSet<Vec<String>>,
    required: &[Value],
    optional: &[Value],
    matches: impl Fn(&Vec<String>, &Value) -> bool,
) {
    let mut hit = BTreeSet::new();
    let mut extra = Vec::new();
    let mut fp = 0;
    for t in found {
        let req: Vec<usize> = required
            .iter()
            .enumerate()
            .filter(|(_, g)| matches(t, g))
            .map(|(i, _)| i)
            .collect();
        if !req.is_empty() {
            hit.extend(req);
        } else if !optional.iter().any(|g| matches(t, g)) {
            fp += 1;
            extra.push(format!("{t:?}"));
        }
    }
    let missed: Vec<String> = required
        .iter()
        .enumerate()
        .filter(|(i, _)| !hit.contains(i))
        .map(|(_, g)| g.to_string())
        .collect();
    score.tallies.insert(
        cat,
        Tally {
            tp: hit.len(),
            fp,
            fn_: missed.len(),
        },
    );
    score.extra.insert(cat, extra);
    score.missed.insert(cat, missed);
}

/// Sums article scores (micro average).
pub fn total(scores: &[DocScore]) -> BTreeMap<&'static str, Tally> {
    let mut t: BTreeMap<&'static str, Tally> =
        CATEGORIES.iter().map(|c| (*c, Tally::default())).collect();
    for s in scores {
        for (c, x) in &s.tallies {
            if let Some(e) = t.get_mut(c) {
                e.add(*x);
            }
        }
    }
    t
}

/// The report the scorer prints: a row per article, then the totals.
pub fn report(scores: &[DocScore], explain: bool) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    if explain {
        for s in scores {
            let _ = writeln!(out, "== {}", s.name);
            for c in CATEGORIES {
                if let Some(e) = s.extra.get(c).filter(|e| !e.is_empty()) {
                    let _ = writeln!(out, "  {c} extra: {e:?}");
                }
                if let Some(m) = s.missed.get(c).filter(|m| !m.is_empty()) {
                    let _ = writeln!(out, "  {c} missed: {m:?}");
                }
            }
            let _ = writeln!(out, "  date: {}", s.date);
        }
    }
    let width = scores
        .iter()
        .map(|s| s.name.len())
        .max()
        .unwrap_or(8)
        .max(8);
    let _ = write!(out, "{:<width$}  ", "article");
    for c in CATEGORIES {
        let _ = write!(out, "{:>15}  ", format!("{c} P/R"));
    }
    let _ = writeln!(out, " date");
    for s in scores {
        let _ = write!(out, "{:<width$}  ", s.name);
        for c in CATEGORIES {
            let (p, r, _) = s.tallies.get(c).copied().unwrap_or_default().prf();
            let _ = write!(out, "{:>7.2}/{:<7.2}  ", p, r);
        }
        let _ = writeln!(out, " {}", s.date);
    }
    let dated: Vec<&&str> = scores
        .iter()
        .map(|s| &s.date)
        .filter(|d| **d != "-")
        .collect();
    let _ = writeln!(
        out,
        "articles: {} scored; dates found: {}/{}",
        scores.len(),
        dated.iter().filter(|d| ***d == "ok").count(),
        dated.len()
    );
    let totals = total(scores);
    for c in CATEGORIES {
        let t = totals.get(c).copied().unwrap_or_default();
        let (p, r, f) = t.prf();
        let _ = writeln!(
            out,
            "{c:>10}: precision {p:.3}  recall {r:.3}  F1 {f:.3}  (tp {}, fp {}, fn {})",
            t.tp, t.fp, t.fn_
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_like_the_scorer() {
        assert_eq!(norm("U.S."), "us");
        assert_eq!(norm("Côte d’Ivoire"), "cote divoire");
        assert_eq!(norm("Abdel Fattah el-Sisi"), "abdel fattah el sisi");
    }
}
