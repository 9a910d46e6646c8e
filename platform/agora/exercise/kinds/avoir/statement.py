"""The French statement of an ``avoir`` variant (Markdown): the situation, the original invoice,
what is credited, what to compute in the order of the form, and part 2 at levels 2 and 3."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.calendrier import date_courte, date_longue
from agora.content.secteurs import famille_de
from agora.exercise.enonce import au_service
from agora.exercise.kinds import facture
from agora.exercise.kinds.avoir import brouillon as b2
from agora.exercise.kinds.avoir.histoire import Histoire
from agora.exercise.kinds.avoir.mentions import facturation
from agora.exercise.markdown import cellule, numerotee, pourcent, tableau
from agora.francais import a, de
from agora.money import cents, euros

QUANTITE_CREDITEE = {"retour": "Quantité retournée", "trop_facture": "Quantité facturée en trop"}


def situation(h: Histoire) -> list[str]:
    """Who the student is, the invoice, what happened, and what is asked."""
    org, p = h.organisation, h.params
    avoir = p["pieces"]["avoir"]
    chef = f"{org.dirigeant} ({org.dirigeant_fonction.lower()})"
    service = "comptable" if h.achat else "commercial"
    lignes = [au_service(org, service)]
    if p["nature"] != "ristourne":
        lignes.append(
            f"Le {date_longue(h.jour_facture)}, **{h.vendeur.nom}** a envoyé la facture "
            f"n° {p['facture']['numero']} à **{h.client.nom}**."
        )
    lignes.append(h.raison)
    if h.achat:
        lignes += [
            f"Le fournisseur envoie l'avoir n° {avoir} du {date_longue(h.jour_avoir)}.",
            f"{chef} vous demande de **vérifier cet avoir** : refaites tous ses calculs.",
        ]
    else:
        lignes.append(
            f"{chef} vous demande d'établir l'**avoir n° {avoir}** (une facture d'avoir) "
            f"daté du {date_longue(h.jour_avoir)}."
        )
    return [*lignes, ""]


def _lignes_facture(invoice: dict[str, Any]) -> list[str]:
    colonnes = ("Ligne", "Désignation", "Quantité", "Prix unitaire HT", "TVA", "Montant HT")
    rangees = [
        (
            n,
            cellule(ligne["designation"]),
            ligne["quantite"],
            euros(ligne["prix_unitaire_ht"]),
            pourcent(ligne["taux_tva"]),
            euros(Decimal(ligne["quantite"]) * Decimal(ligne["prix_unitaire_ht"])),
        )
        for n, ligne in enumerate(invoice["lignes"], 1)
    ]
    return [*tableau(colonnes, rangees, "><>>>>"), ""]


def _pied_facture(invoice: dict[str, Any]) -> list[str]:
    """The foot of the original invoice, as it was printed (the ``facture`` kind computes it)."""
    s = facture.KIND.solve(invoice)
    lignes = ["| Pied de la facture | Montant |", "|---|---:|"]
    lignes.append(f"| Montant brut HT | {euros(s['montant_brut_ht'])} |")
    for k, reduction in enumerate(invoice.get("reductions") or []):
        montant = sum(Decimal(g["reductions"][k]["montant"]) for g in s["groupes"])
        nom = f"{reduction['nature'].capitalize()} {pourcent(reduction['taux'])}"
        lignes.append(f"| {nom} | − {euros(montant)} |")
    lignes.append(f"| Net commercial | {euros(s['net_commercial'])} |")
    if "escompte_taux" in invoice:
        lignes.append(
            f"| Escompte {pourcent(invoice['escompte_taux'])} | − {euros(s['escompte'])} |"
        )
        lignes.append(f"| Net financier | {euros(s['net_financier'])} |")
    if "frais_port_ht" in invoice:
        lignes.append(f"| Frais de port HT | {euros(invoice['frais_port_ht'])} |")
    lignes.append(f"| Total HT | {euros(s['total_ht'])} |")
    for t in s["tva"]:
        lignes.append(f"| TVA à {pourcent(t['taux'])} | {euros(t['montant'])} |")
    return [*lignes, f"| **Total TTC** | **{euros(s['total_ttc'])}** |", ""]


def facture_origine(h: Histoire) -> list[str]:
    invoice = h.params["facture"]
    lignes = [
        "### La facture d'origine",
        "",
        f"Facture n° {invoice['numero']} du {date_courte(invoice['date'])}, {de(h.vendeur.nom)} "
        f"{a(h.client.nom)}.",
        "",
        *_lignes_facture(invoice),
    ]
    return lignes + _pied_facture(invoice)


def _credit_par_quantite(p: dict[str, Any]) -> list[str]:
    invoice = p["facture"]
    entete = QUANTITE_CREDITEE[p["nature"]]
    lignes = [
        f"| Ligne de la facture | Désignation | {entete} |",
        "|---:|---|---:|",
    ]
    for credit in p["credits"]:
        ligne = invoice["lignes"][credit["ligne"] - 1]
        lignes.append(
            f"| {credit['ligne']} | {cellule(ligne['designation'])} | {credit['quantite']} |"
        )
    return [*lignes, ""]


def _credit_rabais(p: dict[str, Any]) -> list[str]:
    numeros = p["rabais"]["lignes"]
    noms = ", ".join(f"ligne {n} ({p['facture']['lignes'][n - 1]['designation']})" for n in numeros)
    return [f"Rabais de {pourcent(p['rabais']['taux'])} sur : {noms}.", ""]


def _releve(p: dict[str, Any]) -> list[str]:
    ristourne = p["ristourne"]
    taux = list(
        dict.fromkeys(m["taux_tva"] for f in ristourne["factures"] for m in f["montants_ht"])
    )
    entete = " | ".join(f"Montant HT à {pourcent(t)}" for t in taux)
    lignes = [f"| Facture | Date | {entete} | Total TTC |", "|---|---|" + "---:|" * (len(taux) + 1)]
    for f in ristourne["factures"]:
        par_taux = {m["taux_tva"]: Decimal(m["montant_ht"]) for m in f["montants_ht"]}
        ttc = sum(ht + cents(ht * Decimal(t) / 100) for t, ht in par_taux.items())
        montants = " | ".join(euros(par_taux[t]) if t in par_taux else "—" for t in taux)
        lignes.append(f"| {f['numero']} | {date_courte(f['date'])} | {montants} | {euros(ttc)} |")
    return [*lignes, ""]


def ce_qui_est_credite(h: Histoire, niveau: int) -> list[str]:
    p = h.params
    if p["nature"] == "ristourne":
        annee = p["ristourne"]["annee"]
        lignes = [f"### Les factures de l'année {annee} à {h.client.nom}", "", *_releve(p)]
        par_taux = ", taux de TVA par taux de TVA" if len(_taux(p)) > 1 else ""
        lignes.append(
            f"La ristourne vaut {pourcent(p['ristourne']['taux'])} du chiffre d'affaires "
            f"**hors taxes** de l'année {annee}{par_taux}."
        )
        return [*lignes, ""]
    lignes = ["### Ce que l'avoir crédite", ""]
    if p["nature"] == "rabais":
        lignes += _credit_rabais(p)
    else:
        lignes += _credit_par_quantite(p)
    if "frais_port_ht" in p["facture"]:
        regle = "Les frais de port ne sont pas remboursés : le transport a eu lieu."
        if niveau == 3:
            regle = (
                "Extrait des conditions générales de vente : « Les frais de port restent dus "
                "en cas de retour de marchandises ou de rabais. »"
            )
        lignes += [regle, ""]
    return lignes


def partie_2(b: b2.Brouillon, niveau: int, famille: str) -> list[str]:
    """The invoice to check, the reform's calendar at level 3, and the list of mentions."""
    lignes = ["---", "", "## Partie 2 : les mentions obligatoires d'une facture", ""]
    if b.recu:
        lignes.append(
            f"Vous recevez la facture ci-dessous du fournisseur **{b.vendeur.nom}**. "
            "Avant de la payer, vérifiez qu'elle porte toutes les mentions obligatoires."
        )
    else:
        lignes.append(
            f"Un collègue a préparé le brouillon de la facture ci-dessous pour **{b.client.nom}**. "
            "Avant de l'envoyer, vérifiez qu'elle porte toutes les mentions obligatoires."
        )
    lignes += [*b2.contexte(b), "", *b2.document(b)]
    if niveau == 3:
        lignes += _reforme(b, famille)
    choix = "**présente**, **manquante** (à ajouter) ou **pas obligatoire sur cette facture**"
    lignes += [f"Pour chaque mention de la liste, dites si elle est {choix} :", ""]
    lignes += numerotee(r.libelle for r in b.regles)
    return [*lignes, ""]


def _reforme(b: b2.Brouillon, famille: str) -> list[str]:
    r = facturation().reforme
    # The same mention, named without a delivery where nothing is delivered (services only).
    adresse = (
        "l'adresse de livraison si elle n'est pas celle du client"
        if famille == "biens"
        else "l'adresse où les biens sont remis si ce n'est pas celle du client"
    )
    return [
        "**La réforme de la facturation électronique.** À partir du "
        f"{date_longue(r.reception_toutes)}, toutes les entreprises doivent pouvoir recevoir "
        "des factures électroniques. Elles doivent aussi en émettre : les grandes entreprises "
        f"et les ETI à partir du {date_longue(r.emission_grandes_et_eti)}, les PME et les "
        f"micro-entreprises à partir du {date_longue(r.emission_pme_et_micro)}. Quatre mentions "
        f"s'ajoutent alors : le SIREN du client, {adresse}, "
        "la nature des opérations (biens, services ou les deux) et l'option pour la "
        f"TVA d'après les débits si le vendeur l'a choisie. {b.vendeur.nom} applique déjà ces "
        "nouvelles mentions.",
        "",
    ]


def methode(p: dict[str, Any]) -> list[str]:
    """Level 1: the method, step by step, for this nature."""
    nature = p["nature"]
    etapes = {
        "retour": ["Montant HT d'une ligne = quantité retournée × prix unitaire HT."],
        "trop_facture": ["Montant HT d'une ligne = quantité facturée en trop × prix unitaire HT."],
        "rabais": ["Rabais d'une ligne = montant HT de la ligne sur la facture × taux ÷ 100."],
        "ristourne": [
            "Chiffre d'affaires HT = somme des montants HT des factures de l'année.",
            "Ristourne = chiffre d'affaires HT × taux de la ristourne ÷ 100.",
        ],
    }[nature]
    if nature != "ristourne":
        etapes.append("Montant brut HT crédité = somme des montants HT des lignes créditées.")
        if p["facture"].get("reductions"):
            etapes.append(
                "L'avoir reprend la remise de la facture : remise = montant brut HT × taux ÷ 100."
            )
            etapes.append("Net commercial = montant brut HT − remise.")
    total = "ristourne" if nature == "ristourne" else "net commercial (ici, pas d'escompte)"
    etapes += [
        f"Total HT de l'avoir = {total}.",
        "TVA = total HT × taux de TVA ÷ 100.",
        "Total TTC = total HT + TVA.",
    ]
    return ["### Méthode", "", *numerotee(etapes), ""]


def _taux(p: dict[str, Any]) -> list[str]:
    if p["nature"] == "ristourne":
        montants = (m for f in p["ristourne"]["factures"] for m in f["montants_ht"])
        return list(dict.fromkeys(m["taux_tva"] for m in montants))
    lignes = p["facture"]["lignes"]
    numeros = [c["ligne"] for c in p["credits"]] if "credits" in p else p["rabais"]["lignes"]
    return list(dict.fromkeys(lignes[n - 1]["taux_tva"] for n in numeros))


def a_faire(p: dict[str, Any], achat: bool) -> list[str]:
    """The numbered list of what to compute, in the order of the form."""
    nature, plusieurs = p["nature"], len(_taux(p)) > 1
    invoice = p.get("facture") or {}
    etapes = []
    if nature != "ristourne":
        etapes.append("Le **numéro de la facture d'origine**, que l'avoir doit citer.")
    etapes.append("La **nature** de l'avoir : retour, rabais, ristourne ou erreur de facturation.")
    if plusieurs:
        etapes.append(
            "Les montants n'ont pas tous le même taux de TVA : faites les étapes suivantes "
            "pour chaque taux (une colonne par taux)."
        )
    if nature == "ristourne":
        etapes += ["Le **chiffre d'affaires HT** de l'année.", "Le montant de la **ristourne**."]
    else:
        ligne = "le **rabais**" if nature == "rabais" else "le **montant HT crédité**"
        etapes += [f"Pour chaque ligne, {ligne}.", "Le **montant brut HT** crédité."]
        reductions = invoice.get("reductions") or []
        if reductions:
            noms = ", puis ".join(f"la **remise** de {pourcent(r['taux'])}" for r in reductions)
            etapes.append(f"Les réductions de la facture, dans l'ordre : {noms}.")
        etapes.append("Le **net commercial**.")
        if "escompte_taux" in invoice:
            etapes.append("L'**escompte** repris et le **net financier**.")
    etapes.append("Le **total HT** de l'avoir.")
    etapes.append(
        ("Pour chaque taux, la" if plusieurs else "La") + " **base** et le **montant de TVA**."
    )
    if plusieurs:
        etapes.append("Le **total TVA**.")
    etapes.append("Le **total TTC** de l'avoir.")
    titre = "### À vérifier" if achat else "### À faire"
    lignes = [titre, "", "Arrondissez chaque montant au centime le plus proche.", ""]
    return lignes + numerotee(etapes) + [""]


def enonce(
    h: Histoire, niveau: int, partie2: b2.Brouillon | None, reprise: str | None = None
) -> str:
    """The French Markdown statement of the variant; ``reprise``: the invoice is the one the
    student made at an earlier step of the mission, at that step (« à l'étape 1 »)."""
    p = h.params
    titre = "Vérifier une facture d'avoir reçue" if h.achat else "Établir une facture d'avoir"
    lignes = [f"## {titre}", "", "### La situation", "", *situation(h)]
    if reprise:
        lignes.insert(
            -1,
            f"La facture n° {p['facture']['numero']} est celle que vous avez préparée "
            f"{reprise} de la mission.",
        )
    if p["nature"] != "ristourne":
        lignes += facture_origine(h)
    lignes += ce_qui_est_credite(h, niveau)
    if niveau == 1:
        lignes += methode(p)
    lignes += a_faire(p, h.achat)
    if partie2 is not None:
        lignes += partie_2(partie2, niveau, famille_de(h.organisation))
    return "\n".join(lignes).rstrip("\n") + "\n"
