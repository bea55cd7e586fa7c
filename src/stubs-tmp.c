/* TEMPORARY: weak stand-ins while modules are written in parallel; removed before release. */
#include <actnet/actnet.h>
#include <stdlib.h>
__attribute__((weak)) void actnet_document_free (ActnetDocument *document) { abort (); }
__attribute__((weak)) ActnetDocument * actnet_document_new (const char *id, const char *text, gssize length, gboolean markdown) { abort (); }
__attribute__((weak)) void actnet_markdown_blank (char *buffer, gsize length) { abort (); }
__attribute__((weak)) ActnetCorpusReader * actnet_corpus_reader_new (const char *const *inputs) { abort (); }
__attribute__((weak)) void actnet_corpus_reader_free (ActnetCorpusReader *reader) { abort (); }
__attribute__((weak)) ActnetDocument * actnet_corpus_reader_next (ActnetCorpusReader *reader, GError **error) { abort (); }
__attribute__((weak)) ActnetGazetteer * actnet_gazetteer_new (void) { abort (); }
__attribute__((weak)) void actnet_gazetteer_free (ActnetGazetteer *gazetteer) { abort (); }
__attribute__((weak)) gboolean actnet_gazetteer_load_file (ActnetGazetteer *gazetteer, const char *path, GError **error) { abort (); }
__attribute__((weak)) gboolean actnet_gazetteer_load_data (ActnetGazetteer *gazetteer, const char *data, gssize length, const char *name, GError **error) { abort (); }
__attribute__((weak)) guint actnet_gazetteer_add_actor (ActnetGazetteer *gazetteer, const char *id, const char *type, const char *label, GError **error) { abort (); }
__attribute__((weak)) gboolean actnet_gazetteer_add_alias (ActnetGazetteer *gazetteer, guint actor, const char *alias, ActnetCasePolicy policy, GError **error) { abort (); }
__attribute__((weak)) guint actnet_gazetteer_get_n_actors (const ActnetGazetteer *gazetteer) { abort (); }
__attribute__((weak)) const char * actnet_gazetteer_get_id (const ActnetGazetteer *gazetteer, guint actor) { abort (); }
__attribute__((weak)) const char * actnet_gazetteer_get_type (const ActnetGazetteer *gazetteer, guint actor) { abort (); }
__attribute__((weak)) const char * actnet_gazetteer_get_label (const ActnetGazetteer *gazetteer, guint actor) { abort (); }
__attribute__((weak)) guint actnet_gazetteer_lookup (const ActnetGazetteer *gazetteer, const char *id) { abort (); }
__attribute__((weak)) guint actnet_gazetteer_get_n_aliases (const ActnetGazetteer *gazetteer) { abort (); }
__attribute__((weak)) const char * actnet_gazetteer_get_alias_text (const ActnetGazetteer *gazetteer, guint alias) { abort (); }
__attribute__((weak)) guint actnet_gazetteer_get_alias_actor (const ActnetGazetteer *gazetteer, guint alias) { abort (); }
__attribute__((weak)) ActnetCasePolicy actnet_gazetteer_get_alias_policy (const ActnetGazetteer *gazetteer, guint alias) { abort (); }
__attribute__((weak)) const GPtrArray * actnet_gazetteer_get_warnings (const ActnetGazetteer *gazetteer) { abort (); }
__attribute__((weak)) char * actnet_type_canonicalize (const char *type) { abort (); }
__attribute__((weak)) const char *const * actnet_measure_names (void) { abort (); }
__attribute__((weak)) ActnetGraph * actnet_graph_new_from_cooccur (const ActnetCooccur *cooccur, const ActnetGazetteer *gazetteer, GError **error) { abort (); }
__attribute__((weak)) ActnetGraph * actnet_graph_read_graphml (const char *path, GError **error) { abort (); }
__attribute__((weak)) void actnet_graph_free (ActnetGraph *graph) { abort (); }
__attribute__((weak)) gboolean actnet_graph_compute_centralities (ActnetGraph *graph, GError **error) { abort (); }
__attribute__((weak)) gboolean actnet_graph_write_graphml (const ActnetGraph *graph, const char *path, GError **error) { abort (); }
__attribute__((weak)) guint actnet_graph_get_n_nodes (const ActnetGraph *graph) { abort (); }
__attribute__((weak)) guint actnet_graph_get_n_edges (const ActnetGraph *graph) { abort (); }
__attribute__((weak)) const char * actnet_graph_get_node_id (const ActnetGraph *graph, guint node) { abort (); }
__attribute__((weak)) const char * actnet_graph_get_node_label (const ActnetGraph *graph, guint node) { abort (); }
__attribute__((weak)) const char * actnet_graph_get_node_type (const ActnetGraph *graph, guint node) { abort (); }
__attribute__((weak)) double actnet_graph_get_node_value (const ActnetGraph *graph, guint node, const char *attribute) { abort (); }
__attribute__((weak)) void actnet_graph_get_edge (const ActnetGraph *graph, guint edge, guint *from, guint *to) { abort (); }
__attribute__((weak)) double actnet_graph_get_edge_value (const ActnetGraph *graph, guint edge, const char *attribute) { abort (); }
__attribute__((weak)) GArray * actnet_graph_rank (const ActnetGraph *graph, const char *measure, const char *type, guint top, GError **error) { abort (); }
__attribute__((weak)) ActnetMatcher * actnet_matcher_new (const ActnetGazetteer *gazetteer, GError **error) { abort (); }
__attribute__((weak)) void actnet_matcher_free (ActnetMatcher *matcher) { abort (); }
__attribute__((weak)) const ActnetGazetteer * actnet_matcher_get_gazetteer (const ActnetMatcher *matcher) { abort (); }
__attribute__((weak)) GArray * actnet_matcher_find (const ActnetMatcher *matcher, const char *text, gssize length) { abort (); }
__attribute__((weak)) GArray * actnet_matcher_find_tokens (const ActnetMatcher *matcher, const ActnetTokens *tokens) { abort (); }
__attribute__((weak)) GArray * actnet_document_find_mentions (const ActnetMatcher *matcher, const ActnetDocument *document) { abort (); }
__attribute__((weak)) ActnetCooccur * actnet_pipeline_count (const ActnetMatcher *matcher, const char *const *inputs, ActnetWindow window, GError **error) { abort (); }
__attribute__((weak)) char * actnet_default_gazetteer_path (GError **error) { abort (); }
__attribute__((weak)) ActnetSegmentation * actnet_segment (const char *text, gsize length, const GArray *mentions) { abort (); }
__attribute__((weak)) void actnet_segmentation_free (ActnetSegmentation *segmentation) { abort (); }
__attribute__((weak)) guint actnet_spans_find (const GArray *spans, gsize offset) { abort (); }
__attribute__((weak)) ActnetTokens * actnet_tokens_new (const char *text, gssize length) { abort (); }
__attribute__((weak)) void actnet_tokens_free (ActnetTokens *tokens) { abort (); }
__attribute__((weak)) guint actnet_tokens_get_count (const ActnetTokens *tokens) { abort (); }
__attribute__((weak)) const ActnetSymbol * actnet_tokens_get_symbols (const ActnetTokens *tokens) { abort (); }
__attribute__((weak)) const char * actnet_tokens_get_keys (const ActnetTokens *tokens) { abort (); }
__attribute__((weak)) char * actnet_text_normalize (const char *text, gssize length) { abort (); }
