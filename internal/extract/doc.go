// Package extract is the HTML front door of plume's source stage.
//
// It takes the bytes of one web page and gives either
//   - the page's main article as ordered, typed blocks (headings with their
//     level, paragraphs, quotes, lists, tables and figure captions) plus the
//     page metadata (title, author, date, site, description, URL, language),
//     found with go-trafilatura (FromHTML); or
//   - the whole visible <body> as a browser's "select all + copy" would give
//     it, furniture included (BrowserText), which is what users paste and
//     what plume's text furniture filter must cope with.
//
// Text is NFC, without soft hyphens, with whitespace collapsed the way CSS
// white-space: normal collapses it. BrowserText keeps no-break spaces;
// FromHTML cannot, because go-trafilatura turns them into plain spaces. The
// package never fetches URLs, never decides what is
// furniture beyond what go-trafilatura already dropped (captions are kept and
// labelled so the clean stage can decide), and never rewrites the text.
package extract
