package plan

import "testing"

func TestWrittenForm(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		words []string
		text  string
		want  string
	}{
		{[]string{"projet", "loi"}, "Le projet de loi sur le renseignement a été adopté.", "projet de loi"},
		{[]string{"croissance", "PIB"}, "La croissance du PIB ralentit en zone euro.", "croissance du PIB"},
		{[]string{"caisse", "CGT"}, "Les dons de la caisse de la CGT Info’Com.", "caisse de la CGT"},
		{[]string{"présidence", "HCERES"}, "Une candidature à la présidence de l'HCERES.", "présidence de l’HCERES"},
		{[]string{"trottinettes", "libre-service"}, "Les trottinettes en libre-service arrivent.", "trottinettes en libre-service"},
		{[]string{"piratage", "Microsoft", "Exchange"}, "Le piratage de Microsoft Exchange inquiète.", "piratage de Microsoft Exchange"},
		{[]string{"croissance", "économique"}, "La croissance économique ralentit.", "croissance économique"},
		// Only whole words: « loisirs » is not « loi ».
		{[]string{"projet", "loi"}, "Le projet de loisirs du maire.", "projet loi"},
		// Nothing joins them in the texts: the words as they are.
		{[]string{"frappe", "Nardi"}, "La frappe puissante de Nardi.", "frappe Nardi"},
		{[]string{"Hafnium"}, "Le groupe Hafnium.", "Hafnium"},
	} {
		if got := WrittenForm(c.words, []string{c.text}); got != c.want {
			t.Errorf("WrittenForm(%q, %q) = %q, want %q", c.words, c.text, got, c.want)
		}
	}
}
