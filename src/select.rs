//! SELECT queries whose answers negograph reads itself ([`crate::validate`],
//! [`crate::network`]), over the union of all graphs or over one document graph with the shared
//! descriptions and the vocabulary beside it.

use oxigraph::model::{GraphName, NamedNode};
use oxigraph::sparql::{QueryResults, QuerySolution, SparqlEvaluator};

use crate::query::QueryError;
use crate::store::Store;
use crate::vocab::{ONTOLOGY_GRAPH, SHARED_GRAPH};

/// Which graphs a query reads as its default graph.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Scope {
    /// The union of all graphs, as `negograph query` reads them.
    #[default]
    All,
    /// One named graph (a document IRI), the shared graph, which describes the actors and
    /// negotiations it names, and the ontology graph, whose class hierarchy and labels the
    /// queries may need.
    Graph(String),
}

impl Scope {
    /// `None` is every graph.
    pub fn from_graph(graph: Option<&str>) -> Scope {
        graph.map_or(Scope::All, |g| Scope::Graph(g.to_string()))
    }
}

/// Runs a SELECT query and returns its solutions in the engine's order.
pub fn select(store: &Store, query: &str, scope: &Scope) -> Result<Vec<QuerySolution>, QueryError> {
    let mut prepared = SparqlEvaluator::new()
        .parse_query(query)
        .map_err(QueryError::Syntax)?;
    match scope {
        Scope::All => prepared.dataset_mut().set_default_graph_as_union(),
        Scope::Graph(iri) => {
            let graph = NamedNode::new(iri).map_err(|source| QueryError::Iri {
                iri: iri.clone(),
                source,
            })?;
            // `GRAPH ?doc { ... }` reads that document alone
            prepared
                .dataset_mut()
                .set_available_named_graphs(vec![graph.clone().into()]);
            prepared.dataset_mut().set_default_graph(vec![
                GraphName::NamedNode(graph),
                GraphName::NamedNode(NamedNode::new_unchecked(SHARED_GRAPH)),
                GraphName::NamedNode(NamedNode::new_unchecked(ONTOLOGY_GRAPH)),
            ]);
        }
    }
    match store
        .bind_query(prepared)
        .execute()
        .map_err(QueryError::Evaluation)?
    {
        QueryResults::Solutions(solutions) => solutions
            .map(|s| s.map_err(QueryError::Evaluation))
            .collect(),
        _ => Err(QueryError::NotSelect),
    }
}
