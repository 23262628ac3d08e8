//! Every IRI the graph uses, in one place: namespaces of the graph contract and the standard
//! vocabularies, and the functions that mint resource IRIs.

pub const NEG: &str = "https://w3id.org/negograph/ontology#";
pub const ID: &str = "https://w3id.org/negograph/id/";
pub const ISSUE: &str = "https://w3id.org/negograph/issue/";
/// The namespace of the extractor's clause rules (`ontology/rules.ttl`).
pub const RULE: &str = "https://w3id.org/negograph/rule/";
pub const ACTOR: &str = "https://w3id.org/negograph/id/actor/";

/// The graph that holds the vocabulary and the issue scheme, so that queries can read labels.
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/negograph/ontology";
/// The graph of a store that describes, once, what many documents share: actors (types, labels,
/// other names, `owl:sameAs`) and negotiations (type, label).
pub const SHARED_GRAPH: &str = "https://w3id.org/negograph/graph/shared";
/// `neg:Document`, the class of source articles; a document's IRI also names its graph.
pub const DOCUMENT: &str = "https://w3id.org/negograph/ontology#Document";

pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
pub const ORG: &str = "http://www.w3.org/ns/org#";
pub const SCHEMA: &str = "http://schema.org/";

pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/// The `neg:confidence` a store leaves unsaid, by the claim's class: a claim of a class listed here
/// whose confidence is this value has no `neg:confidence` in a store, and the ontology graph says
/// `neg:Stance neg:defaultConfidence 0.60` (`ontology/negograph.ttl`). Each is the value most
/// claims of the class have. Written as `extract` writes confidences, with two decimals.
pub const DEFAULT_CONFIDENCE: &[(&str, &str)] = &[
    ("Event", "0.70"),
    ("Participation", "0.80"),
    ("Position", "0.90"),
    ("Stance", "0.60"),
];

/// The default confidence of claims of the class with this local name, if it has one.
pub fn default_confidence(class: &str) -> Option<&'static str> {
    DEFAULT_CONFIDENCE
        .iter()
        .find(|(c, _)| *c == class)
        .map(|(_, v)| *v)
}

/// The prefixes written in Turtle and TriG and used to shorten IRIs in tables.
pub const PREFIXES: &[(&str, &str)] = &[
    ("neg", NEG),
    ("actor", ACTOR),
    ("issue", ISSUE),
    ("doc", "https://w3id.org/negograph/id/doc/"),
    ("negotiation", "https://w3id.org/negograph/id/negotiation/"),
    ("stance", "https://w3id.org/negograph/id/stance/"),
    ("sentence", "https://w3id.org/negograph/id/sentence/"),
    (
        "participation",
        "https://w3id.org/negograph/id/participation/",
    ),
    ("position", "https://w3id.org/negograph/id/position/"),
    ("statement", "https://w3id.org/negograph/id/statement/"),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("owl", OWL),
    ("xsd", XSD),
    ("skos", SKOS),
    ("prov", PROV),
    ("dcterms", DCTERMS),
    ("org", ORG),
    ("schema", SCHEMA),
];

/// Whether an IRI names a resource whose description a store keeps in the shared graph: an actor
/// or a negotiation.
pub fn is_shared_kind(iri: &str) -> bool {
    iri.starts_with(ACTOR) || iri.starts_with(&format!("{ID}negotiation/"))
}

/// A term of the `neg:` namespace.
pub fn neg(local: &str) -> String {
    format!("{NEG}{local}")
}

/// The IRI of a resource of some kind: `id/{kind}/{slug}`.
pub fn id(kind: &str, slug: &str) -> String {
    format!("{ID}{kind}/{slug}")
}

pub fn issue(slug: &str) -> String {
    format!("{ISSUE}{slug}")
}

/// Lower-case ASCII slug of a name: "Côte d'Ivoire" -> "cote-d-ivoire".
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("unnamed");
    }
    out
}

/// Folds the Latin letters with diacritics that names in the news carry to plain ASCII.
pub fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' | 'ę' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'İ' => 'I',
        'ñ' | 'ń' | 'ň' => 'n',
        'Ñ' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'O',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' | 'ş' => 's',
        'Š' | 'Ś' | 'Ş' => 'S',
        'ž' | 'ź' | 'ż' => 'z',
        'Ž' => 'Z',
        'ğ' => 'g',
        'ł' => 'l',
        'ř' => 'r',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_in_their_namespaces() {
        assert_eq!(DOCUMENT, neg("Document"));
        assert_eq!(RDF_TYPE, format!("{RDF}type"));
        assert_eq!(format!("{ONTOLOGY_GRAPH}#"), NEG);
    }
}
