package token

import (
	"unicode"
)

// isEmoji reports whether r starts an emoji: the pictographic blocks and the
// older symbols that platforms draw as emoji (⌚, ⭐, ☀ …).
func isEmoji(r rune) bool {
	switch {
	case r >= 0x1F000 && r <= 0x1FAFF, r >= 0x2600 && r <= 0x27BF:
		return true
	case r == 0x231A, r == 0x231B, r >= 0x23E9 && r <= 0x23F3, r >= 0x23F8 && r <= 0x23FA,
		r == 0x2B50, r == 0x2B55, r == 0x2B1B, r == 0x2B1C, r == 0x3030, r == 0x303D:
		return true
	}
	return false
}

func isRegionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// emojiEnd extends an emoji that starts with base and goes on at i over
// variation selectors, skin tones, keycaps, tags, zero-width-joined emoji
// and the second letter of a flag.
func emojiEnd(s string, i int, base rune) int {
	flag := isRegionalIndicator(base)
	for i < len(s) {
		r, size := runeAt(s, i)
		switch {
		case r == 0xFE0F || r == 0xFE0E || r == 0x20E3 || (r >= 0x1F3FB && r <= 0x1F3FF) || (r >= 0xE0020 && r <= 0xE007F):
			i += size
		case r == 0x200D:
			nr, nsize := runeAt(s, i+size)
			if !isEmoji(nr) {
				return i
			}
			i += size + nsize
		case flag && isRegionalIndicator(r):
			i += size
			flag = false
		default:
			return i
		}
	}
	return i
}

func isStrongTerminal(r rune) bool {
	return r == '?' || r == '!' || r == '‽' || r == '⁈' || r == '⁉' || r == '‼' || r == '⁇'
}

func (t *tokenizer) punct(i int, r rune, size int) int {
	s := t.s
	run := func(c byte) int {
		j := i
		for j < len(s) && s[j] == c {
			j++
		}
		return j
	}
	switch {
	case r == '.':
		j := run('.')
		t.emit(i, j, Punct)
		return j
	case isStrongTerminal(r):
		j := i + size
		for {
			nr, nsize := runeAt(s, j)
			if !isStrongTerminal(nr) {
				break
			}
			j += nsize
		}
		t.emit(i, j, Punct)
		return j
	case r == '`' || r == '-':
		j := run(byte(r))
		t.emit(i, j, Punct)
		return j
	case r == '\'' || r == '<' || r == '>':
		if i+1 < len(s) && s[i+1] == byte(r) {
			t.emit(i, i+2, Punct) // '' and the << >> stand-ins for guillemets
			return i + 2
		}
		if r == '\'' {
			t.emit(i, i+1, Punct)
		} else {
			t.emit(i, i+1, Symbol)
		}
		return i + 1
	case r == '°' || r == 'º':
		if nr, _ := runeAt(s, i+size); nr == 'C' || nr == 'F' {
			if ar, _ := runeAt(s, i+size+1); !isWordRune(ar) {
				t.emit(i, i+size+1, Symbol)
				return i + size + 1
			}
		}
		t.emit(i, i+size, Symbol)
		return i + size
	}
	switch r {
	case '%', '‰', '‱', '§', '&', '*', '#', '@', '\\', '†', '‡':
		t.emit(i, i+size, Symbol)
		return i + size
	}
	switch {
	case unicode.IsSymbol(r):
		t.emit(i, i+size, Symbol)
	case unicode.IsPunct(r):
		t.emit(i, i+size, Punct)
	default:
		t.emit(i, i+size, Other)
	}
	return i + size
}
