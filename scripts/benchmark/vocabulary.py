"""Word lists for the generated corpus: real words in pseudo-French and pseudo-English.

Enough variety for Markdown, search indexing and French typography to do realistic work; the
grammar is in ``prose.py``.
"""

FR_NOUNS = """
économie industrie entreprise écosystème énergie engagement équipe atelier innovation
organisation ambition action alliance impact usage outil objectif enjeu horizon avenir idée
expérience exigence échange effort émission étape école université institution instinct
intuition imaginaire histoire humanité habitat héritage assemblée eau usine indicateur
investissement achat opportunité transition transformation coopération gouvernance stratégie
vision posture dirigeant territoire modèle chaîne valeur filière ressource matière climat
biodiversité planète société collectif projet démarche méthode question réponse parcours
session partenaire client fournisseur salarié métier compétence formation culture confiance
responsabilité sobriété performance croissance production site produit service marché prix
coût financement risque limite trajectoire mesure bilan carbone sol forêt terre ville région
réseau communauté dialogue récit regard sens cap boussole temps durée rythme moment lien
relation coopérative association recherche science donnée technologie logistique transport
mobilité bâtiment matériau recyclage réemploi réparation conception achat vente contrat
partenariat transaction leadership management direction conseil comité gouvernement loi norme
règle cadre vulnérabilité curiosité feuille convention promesse
""".split()

FR_ADJECTIVES = """
durable régénératif collectif commun partagé ambitieux concret local global industriel
économique écologique social humain nouveau profond lent rapide solide fragile vivant sobre
juste ouvert clair singulier essentiel central stratégique possible nécessaire décisif long
court premier dernier grand petit réel simple complexe capable utile inédit aspirationnel
territorial régional européen français mondial circulaire responsable engagé patient exigeant
cohérent radical progressif sincère transparent honnête lucide fertile
""".split()

FR_VERBS = """
transforme accompagne rassemble engage interroge propose construit partage montre révèle
questionne ouvre porte nourrit inspire mobilise relie renforce soutient invite demande suppose
exige permet oblige favorise accélère ralentit déplace redéfinit éclaire explore invente
imagine réinvente traverse mesure évalue compare choisit décide refuse accepte reconnaît assume
dépasse rejoint fédère protège répare régénère développe installe élabore pilote anime raconte
rappelle souligne précise observe constate découvre apprend transmet
""".split()

FR_INFINITIVES = """
embarquer bâtir transformer réinventer partager mesurer piloter financer accompagner mobiliser
régénérer repenser raconter protéger relier ouvrir fédérer décider imaginer accélérer engager
""".split()

FR_ADVERBS = [
    "ensemble", "vraiment", "aujourd’hui", "désormais", "déjà", "encore", "souvent", "toujours",
    "parfois", "davantage", "concrètement", "profondément", "lentement", "rapidement",
    "collectivement", "finalement", "d’abord", "ensuite", "enfin", "aussi", "surtout",
    "pleinement", "durablement", "également", "autrement",
]
FR_PREPOSITIONS = [
    "dans", "avec", "pour", "sur", "par", "vers", "entre", "sans", "chez", "autour de",
    "face à", "au-delà de", "à travers", "au cœur de", "auprès de", "jusque dans",
]
FR_CONJUNCTIONS = [
    "et", "mais", "car", "donc", "puis", "tandis que", "alors que", "parce que", "lorsque",
    "puisque", "si bien que", "c’est-à-dire que",
]
FR_DETERMINERS = [
    "le", "la", "les", "un", "une", "des", "son", "sa", "ses", "leur", "leurs", "ce", "cette",
    "chaque", "notre", "toute la", "tout le",
]
# Words that elide before a vowel or a mute h: "la économie" -> "l’économie".
FR_ELISIONS = {
    "le": "l’", "la": "l’", "de": "d’", "que": "qu’", "ne": "n’", "se": "s’", "lorsque": "lorsqu’",
    "puisque": "puisqu’", "jusque": "jusqu’", "ce": "cet ",
}
VOWELS = set("aeiouyhàâäéèêëîïôöûüAEIOUYHÀÂÉÈÊÎÔÛ")

EN_NOUNS = """
economy industry company ecosystem energy commitment team workshop innovation organisation
ambition action alliance impact use tool goal stake horizon future idea experience requirement
exchange effort transition transformation cooperation governance strategy vision stance leader
territory model chain value sector resource material climate biodiversity planet society
collective project roadmap approach method question answer programme session partner customer
supplier employee trade skill training culture trust responsibility sufficiency performance
growth production factory site product service market price cost investment funding risk
opportunity limit trajectory measure indicator footprint carbon emission water soil forest land
city region network community dialogue story perspective meaning direction compass time
duration pace stage moment link relationship cooperative association institution school
university research science data technology logistics transport mobility building recycling
reuse repair design purchasing sale contract partnership transaction leadership management
board committee assembly government law standard rule framework vulnerability curiosity instinct
intuition imagination history humanity habitat heritage promise convention
""".split()

EN_ADJECTIVES = """
sustainable regenerative collective common shared ambitious concrete local global industrial
economic ecological social human new deep slow fast solid fragile living frugal fair open clear
unique essential central strategic possible necessary decisive long short first last great
small real simple complex capable useful unprecedented aspirational territorial regional
European French worldwide circular responsible committed patient demanding coherent radical
gradual sincere transparent honest lucid fertile
""".split()

EN_VERBS = [
    "transforms", "supports", "brings together", "engages", "questions", "proposes", "builds",
    "shares", "shows", "reveals", "opens", "carries", "nurtures", "inspires", "mobilises",
    "connects", "strengthens", "sustains", "invites", "asks for", "assumes", "requires", "allows",
    "forces", "encourages", "speeds up", "slows down", "shifts", "redefines", "sheds light on",
    "explores", "invents", "imagines", "reinvents", "crosses", "measures", "assesses", "compares",
    "chooses", "decides", "refuses", "accepts", "recognises", "owns", "goes beyond", "joins",
    "unites", "protects", "repairs", "regenerates", "develops", "sets up", "designs", "steers",
    "leads", "tells", "recalls", "stresses", "specifies", "observes", "finds", "discovers",
    "learns", "passes on",
]
EN_INFINITIVES = [
    "bring on board", "build", "transform", "reinvent", "share", "measure", "steer", "fund",
    "support", "mobilise", "regenerate", "rethink", "tell", "protect", "connect", "open", "unite",
    "decide", "imagine", "speed up", "engage",
]
EN_ADVERBS = [
    "together", "really", "today", "now", "already", "still", "often", "always", "sometimes",
    "more", "concretely", "deeply", "slowly", "quickly", "collectively", "finally", "first",
    "then", "at last", "also", "above all", "fully", "lastingly", "likewise", "differently",
]
EN_PREPOSITIONS = [
    "in", "with", "for", "on", "through", "towards", "between", "without", "at", "around",
    "beyond", "across", "at the heart of", "alongside", "within", "right into",
]
EN_CONJUNCTIONS = [
    "and", "but", "because", "so", "yet", "while", "whereas", "as", "since", "and then",
    "so that", "which means that",
]
EN_DETERMINERS = ["the", "a", "its", "their", "this", "each", "our", "every", "that", "the whole"]

CITIES = """
Lyon Paris Lille Nantes Bordeaux Toulouse Marseille Grenoble Rennes Strasbourg Dijon Rouen
Montpellier Clermont-Ferrand Besançon Metz Nancy Tours Orléans Angers Brest Caen Limoges
Poitiers Amiens Reims Annecy Saint-Étienne Valence Nîmes
""".split()

FIRST_NAMES = """
Éric Isabelle Christophe Caroline Anne Julien Sophie Mathieu Claire Nicolas Hélène Thomas
Camille Pierre Léa Antoine Marion Laurent Élise Olivier Juliette François Sarah Vincent Inès
Benoît Chloé Sébastien Manon Guillaume Agathe Romain Lucie Hugo Aurélie Damien Noémie Arnaud
Pauline Cédric Margaux
""".split()
LAST_NAMES = """
Duverger Martin Boël Félix Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon
Laurent Lefèvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefebvre
Mercier Dupont Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc Guérin
Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez Fontaine
Chevalier Robin Masson Sanchez Gérard Nguyen Boyer Denis Lemaire
""".split()
ROLES = [
    ("directeur général", "Managing Director"), ("cofondatrice", "co-founder"),
    ("responsable RSE", "CSR manager"), ("présidente", "chair"),
    ("directrice des opérations", "Chief Operating Officer"), ("fondateur", "founder"),
    ("chercheuse", "researcher"), ("consultant", "consultant"),
    ("directrice industrielle", "head of manufacturing"), ("chargé de mission", "project officer"),
    ("planet champion", "planet champion"), ("directrice financière", "Chief Financial Officer"),
]
ORG_TYPES_FR = [
    "Atelier", "Collectif", "Maison", "Réseau", "Fabrique", "Alliance", "Institut", "Fondation",
    "Coopérative", "Laboratoire", "Ruche", "Cercle", "Forum", "Campus", "Comptoir",
    "Manufacture", "Agence", "Plateforme",
]
ORG_QUALIFIERS = [
    "Nord", "Sud", "des Territoires", "Industrielle", "du Vivant", "Circulaire", "Horizon",
    "des Possibles", "Solidaire", "Lumière", "Terre et Mer", "des Transitions", "Commune",
    "Atlantique", "Rhône-Alpes", "des Métiers", "Nouvelle", "Régénérative", "Ouverte", "Avenir",
]
PARTNER_KINDS = ["association", "non-profit-project", "company", "school", "institution",
                 "public-body", "network"]
TAGS = [
    ("Écosystème", "Ecosystem"), ("Coopération", "Cooperation"), ("Leadership", "Leadership"),
    ("Gouvernance", "Governance"), ("Industrie", "Industry"), ("Vulnérabilité", "Vulnerability"),
    ("Énergie", "Energy"), ("Climat", "Climate"), ("Biodiversité", "Biodiversity"),
    ("Économie circulaire", "Circular economy"), ("Sobriété", "Sufficiency"),
    ("Territoire", "Territory"), ("Financement", "Funding"), ("Formation", "Training"),
    ("Modèle économique", "Business model"), ("Achats", "Purchasing"),
    ("Logistique", "Logistics"), ("Mobilité", "Mobility"), ("Numérique", "Digital"),
    ("Eau", "Water"), ("Alimentation", "Food"), ("Bâtiment", "Buildings"),
    ("Récit", "Storytelling"), ("Stratégie", "Strategy"), ("Management", "Management"),
    ("Innovation", "Innovation"), ("Réemploi", "Reuse"), ("Mesure d’impact", "Impact measurement"),
    ("Carbone", "Carbon"), ("Emploi", "Jobs"), ("Santé", "Health"), ("Éthique", "Ethics"),
    ("Dialogue social", "Social dialogue"), ("Recherche", "Research"), ("Design", "Design"),
    ("Culture", "Culture"),
]
