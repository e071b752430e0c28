// Reads an .apkg with anki-reader and prints its decks, cards and note
// fields as JSON: {"decks":[{"id","name","cards":[{"id","nid","mid","fields":[…]}]}]}.
// Usage: node apkg.mjs FILE
import fs from "node:fs";
import { readAnkiPackage } from "anki-reader";

async function main() {
  const buf = fs.readFileSync(process.argv[2]);
  const { collection } = await readAnkiPackage(new Blob([buf]));
  const decks = [];
  for (const [id, deck] of Object.entries(collection.getDecks())) {
    const cards = [];
    for (const [cid, card] of Object.entries(deck.getCards())) {
      const raw = card.getRawCard();
      cards.push({ id: cid, nid: raw.nid, mid: raw.mid, fields: raw.flds ? raw.flds.split("\x1f") : null });
    }
    decks.push({ id, name: deck.getRawDeck().name, cards });
  }
  process.stdout.write(JSON.stringify({ decks }));
}

main().catch((e) => {
  process.stderr.write(`anki-reader: ${e.stack || e}\n`);
  process.exit(1);
});
