// Package token is plume's first look at French text: it splits text into
// sentences, sentences into tokens, and counts words the way Yoast SEO does.
// Every later stage (facts, plan, write, check) works on its output.
//
// It takes plain UTF-8 text (news copy as it arrives: with « guillemets »,
// no-break spaces, URLs, elisions, inverted verbs, blank-line paragraphs) and
// gives:
//
//   - Sentences: byte spans of sentences, tight around their text;
//   - Tokenize: typed tokens (Word, Elision, Clitic, Abbrev, Number, Ordinal,
//     Punct, Symbol, URL, Email, Handle, Hashtag, Emoji, Other) with byte
//     offsets, such that every non-blank rune of the input is in exactly one
//     token;
//   - Words and CountWords: word lists and a Yoast-compatible word count;
//   - Fold, StripAccents and Normalize: keys for matching words.
//
// It never modifies its input, never reads files or the network, keeps no
// mutable global state and never panics, whatever the input (including
// invalid UTF-8). It does not know about HTML: strip markup first.
package token
