// Fuzz target: the whole extraction of one document (sentences, entities,
// aliases, amounts and dates, relations) on any text, checking that what it
// hands to the store points into the text: offsets inside it, sentence and
// entity indexes in range, no relation of an entity with itself. It links
// the syntax models, so the relation rules over dependency trees run too.

#include "FuzzSupport.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const NewsGraph::DocumentProcessor &processor = NewsGraph::Fuzzing::bundledProcessor();
    NewsGraph::Document document;
    document.path = document.fileName = QStringLiteral("fuzz.txt");
    document.text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)).trimmed();
    if (document.text.isEmpty())
        return 0;
    const NewsGraph::ProcessedDocument processed = processor.process(document);
    const qsizetype length = processed.document.text.size();
    const qsizetype sentences = processed.sentences.size();
    const auto inside = [&](qsizetype sentence, qsizetype start, qsizetype end) {
        return sentence >= 0 && sentence < sentences && start >= 0 && start < end && end <= length;
    };
    const NewsGraph::DocumentExtraction &extraction = processed.extraction;
    for (const NewsGraph::ExtractedEntity &entity : extraction.entities) {
        for (const NewsGraph::EntityMention &mention : entity.mentions) {
            if (!inside(mention.sentence, mention.start, mention.end))
                __builtin_trap();
        }
    }
    for (const NewsGraph::AttributeMention &attribute : extraction.attributes) {
        if (!inside(attribute.sentence, attribute.start, attribute.end))
            __builtin_trap();
    }
    const qsizetype entities = extraction.entities.size();
    for (const NewsGraph::ExtractedRelation &relation : extraction.relations) {
        if (relation.subject < 0 || relation.subject >= entities || relation.object < 0
            || relation.object >= entities || relation.subject == relation.object
            || !(relation.confidence >= 0.0 && relation.confidence <= 1.0))
            __builtin_trap();
        for (const int sentence : relation.sentences) {
            if (sentence < 0 || sentence >= sentences)
                __builtin_trap();
        }
        // A typed relation says how each of its sentences states it.
        if (!relation.origins.isEmpty() && relation.origins.size() != relation.sentences.size())
            __builtin_trap();
    }
    return 0;
}
