"""French small words before a name: « de » elided (« d'Eau de Saint-Denis », « d'Hélène
Martin ») or contracted with the name's article (« du Bistrot de Paul Roux », « au Mans »).

The rule, kept simple: « de » becomes « d' » before a vowel (accented or not) and before an h,
taken as mute (Hélène, Hugo, Habitat…) except the few aspirated beginnings listed in
``H_ASPIRES`` (Haute-Savoie, Halles…); a y is a vowel before a consonant (Yves, Yvelines)
and a consonant before a vowel (Yannick, Yasmine). A name starting with the article « Le » or
« Les » (Le Bistrot…, Le Mans, Les Artisans…) is contracted: « du », « des », « au », « aux »;
« La » and « L' » stay (« de La Table… », « de L'Auberge… »). A person's name, first name
first, never starts with an article, so « de Le Goff » cannot happen: use ``de`` for a full
name, a place or an organisation, not for a surname alone.
"""

from __future__ import annotations

VOYELLES = frozenset("aeiouàâäéèêëîïôöùûüœæ")
# Beginnings of words whose h is aspirated: no elision (« de Haute-Savoie », « de Hazebrouck »,
# « de Hamon »). Hélène, Honoré, Hugues, Hervé, Hérault keep the rule (« d'Honoré »).
H_ASPIRES = ("hal", "ham", "hau", "haz", "hou", "hur")


def elidable(mot: str) -> bool:
    """Whether a word takes « d' », « l' », « qu' » rather than « de », « le », « que »."""
    bas = mot.lower()
    if not bas:
        return False
    if bas[0] in VOYELLES:
        return True
    if bas[0] == "y":
        return len(bas) > 1 and bas[1] not in VOYELLES
    if bas[0] == "h":
        return not bas.startswith(H_ASPIRES)
    return False


def _article(nom: str) -> tuple[str, str]:
    """(« le » or « les » or « », the rest of the name)."""
    for article in ("Le ", "Les "):
        if nom.startswith(article):
            return article.strip().lower(), nom[len(article) :]
    return "", nom


def prepose(petit_mot: str, nom: str) -> tuple[str, str]:
    """(« de » or « à » as the name takes it, the rest of the name): (« d' », « Eau de
    Saint-Denis »), (« du », « Bistrot de Paul Roux »), (« au », « Mans »), (« à », « Amiens »)."""
    article, reste = _article(nom)
    if petit_mot == "à":
        return {"le": "au ", "les": "aux "}.get(article, "à "), reste
    return {"le": "du ", "les": "des "}.get(article) or ("d'" if elidable(nom) else "de "), reste


def de(nom: str, gras: bool = False) -> str:
    """« de » and the name: « d'Eau de Saint-Denis », « du Bistrot de Paul Roux », « des
    Artisans Roux », « de Régie des eaux ». ``gras``: the name in Markdown bold, the small
    word outside (« d'**Eau de Saint-Denis** »)."""
    mot, reste = prepose("de", nom)
    return f"{mot}**{reste}**" if gras else f"{mot}{reste}"


def a(nom: str, gras: bool = False) -> str:
    """« à » and the name: « à Saint-Denis », « au Mans », « aux Artisans Roux »."""
    mot, reste = prepose("à", nom)
    return f"{mot}**{reste}**" if gras else f"{mot}{reste}"


def insecables(texte: str) -> str:
    """French guillemets hold their words with no-break spaces (U+00A0, as the referentiel's
    command line already prints them): « clients » never leaves « alone at a line's end."""
    return texte.replace("« ", "«\u00a0").replace(" »", "\u00a0»")
