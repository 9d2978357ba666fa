// The wink-nlp baseline of tools/perf/side-by-side: reads articles as JSON Lines (the "text" field of each line),
// runs wink-nlp's sentence boundaries, part-of-speech tags and entities over each article's text, and prints how
// many sentences, tokens and entities it found, so the work cannot be skipped and two runs can be compared.
// Usage: node tools/perf/wink/run.mjs ARTICLES.jsonl
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

if (process.argv.length !== 3) {
  console.error('usage: node run.mjs ARTICLES.jsonl');
  process.exit(1);
}

// Only the annotations the comparison is about: no negation, sentiment or custom entities.
const nlp = winkNLP(model, ['sbd', 'pos', 'ner']);
const its = nlp.its;

let articles = 0, sentences = 0, tokens = 0, entities = 0;
const lines = createInterface({ input: createReadStream(process.argv[2], { encoding: 'utf8' }), crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === '') continue;
  const doc = nlp.readDoc(JSON.parse(line).text ?? '');
  articles += 1;
  sentences += doc.sentences().length();
  // Reading every token's tag makes sure the tagging is done and used, as a consumer of the tags would.
  tokens += doc.tokens().out(its.pos).length;
  entities += doc.entities().length();
}
console.log(`articles ${articles} sentences ${sentences} tokens ${tokens} entities ${entities}`);
