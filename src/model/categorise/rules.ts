/**
 * The built-in categorisation rules, as data: words, product and supplier names of the Dutch
 * municipal ICT market and what each says about a ledger line. The engine (engine.ts) compiles
 * them once into a token index; nothing here runs per line.
 *
 * Patterns are written as users would ("Power BI"): that spelling names the rule in explanations.
 * Pattern syntax (matched on folded words: case and accents ignored, punctuation splits words):
 *   "laptop"        the word itself
 *   "laptop*"       the word and Dutch compounds that start with it ("laptoptassen")
 *   "*beheerder"    compounds that end with it ("systeembeheerder")
 *   "Power BI"      consecutive words (a phrase); its last word may end in "*"
 *
 * Weights: a specific product name (3) beats a domain word (2–2.5), which beats a generic word
 * (1–1.5) or a supplier that sells many things (≤ 1). The engine scales evidence from the
 * supplier column (0.6, suppliers 1) and the account column (0.5), so the description leads.
 */
import { CategoryCode, Component, Delivery, Nature, Staffing } from "../types";

type RuleKind = "product" | "keyword" | "supplier" | "role" | "signal";

export interface RuleDef {
  kind: RuleKind;
  /** Patterns, see the syntax above; the first one (without "*") names the rule in explanations. */
  words: string[];
  /** Evidence for one category. */
  category?: CategoryCode;
  /** Evidence for a component only (generic "software", personnel words like "inhuur"). */
  component?: Component;
  weight: number;
  /** Explicit delivery evidence ("SaaS", "onderhoud"), scaled by the column like the weight. */
  delivery?: Exclude<Delivery, null>;
  deliveryWeight?: number;
  /** How a product is usually delivered, when the line says nothing about it. */
  defaultDelivery?: Exclude<Delivery, null>;
  staffing?: Exclude<Staffing, null>;
  nature?: Exclude<Nature, null>;
}

type Extra = Partial<Omit<RuleDef, "kind" | "words" | "weight" | "category">>;

const PRODUCT = 3;

function product(category: CategoryCode, words: string[], extra: Extra = {}): RuleDef {
  return { kind: "product", words, category, weight: PRODUCT, ...extra };
}
function keyword(category: CategoryCode, weight: number, words: string[], extra: Extra = {}): RuleDef {
  return { kind: "keyword", words, category, weight, ...extra };
}
function supplier(category: CategoryCode, weight: number, words: string[], extra: Extra = {}): RuleDef {
  return { kind: "supplier", words, category, weight, ...extra };
}
/** A job title: evidence for a personnel category (the line is about a person). */
function role(category: CategoryCode, weight: number, words: string[]): RuleDef {
  return { kind: "role", words, category, weight };
}
/** Evidence for a component, not a category: the category comes from other words. */
function signal(component: Component, weight: number, words: string[], extra: Extra = {}): RuleDef {
  return { kind: "signal", words, component, weight, ...extra };
}
/** Says something about delivery or nature only. */
function attribute(words: string[], extra: Extra): RuleDef {
  return { kind: "signal", words, weight: 0, ...extra };
}

const SAAS: Extra = { defaultDelivery: "saas" };
const ON_PREMISE: Extra = { defaultDelivery: "on-premise" };

// --- Software ---------------------------------------------------------------------------------

const officeAutomation: RuleDef[] = [
  product("SW.KA", ["Microsoft 365", "M365", "Office 365", "o365", "Exchange Online", "Copilot"], SAAS),
  product(
    "SW.KA",
    ["e3", "e5", "e1", "f3", "business premium", "business standard", "Google Workspace"],
    SAAS,
  ),
  product("SW.KA", ["Adobe", "Acrobat", "Creative Cloud"], SAAS),
  product("SW.KA", ["kantoorautomatisering", "SharePoint", "OneDrive", "Outlook", "Visio", "LibreOffice"]),
  keyword("SW.KA", 2, ["Teams", "Office", "Exchange", "e-mail", "email", "mail"]),
  keyword("SW.KA", 1.5, ["Windows", "pdf", "nitro"]),
  product("SW.KA", ["spraakherkenning", "Dragon", "dicteer*"]),
  supplier("SW.KA", 0.8, ["Microsoft"]),
];

const businessOperations: RuleDef[] = [
  product("SW.BV", ["Key2Financ*", "AFAS", "Youforce", "Unit4", "Exact Online", "Twinfield"], SAAS),
  product("SW.BV", ["SmartDocuments", "Negometrix", "iProva"], SAAS),
  product("SW.BV", ["Beaufort", "Basware", "Planon", "Ultimo"]),
  product("SW.BV", ["salarisverwerk*", "salarisadministrati*", "personeelsinformati*", "loonadministrati*"]),
  product("SW.BV", ["anonimiser*", "anonimis*", "enterprise search", "e depot", "edepot"]),
  keyword("SW.BV", 2.5, [
    "financiele administratie",
    "financieel pakket",
    "financieel systeem",
    "HRM",
    "payroll",
  ]),
  keyword("SW.BV", 2, [
    "financi*",
    "boekhoud*",
    "inkoop*",
    "aanbesteding*",
    "contractbeheer*",
    "hr",
    "e-hrm",
  ]),
  keyword("SW.BV", 2, [
    "Woo",
    "Wob",
    "openbaarmak*",
    "archief*",
    "archivering",
    "documentcreatie",
    "sjabloon*",
  ]),
  keyword("SW.BV", 2, [
    "sjablonen",
    "tijdregistrati*",
    "rooster*",
    "facturatie",
    "e-facturatie",
    "declarati*",
  ]),
  keyword("SW.BV", 2.5, ["planning en control", "planning & control", "jaarrekening", "begrotingssoftware"]),
  product("SW.BV", ["Pepperflow", "Inproces", "Gemeentebegroting*"], SAAS),
  supplier("SW.BV", 1.5, ["Visma Raet", "Raet", "Mercell", "TenderNed", "Exact"]),
];

const primaryProcess: RuleDef[] = [
  product("SW.PP", ["iBurgerzaken", "Key2Burgerzaken", "Key2Belasting*", "Suite4*", "GWS4*"]),
  product("SW.PP", ["Squit", "Rx Mission", "rxmission", "Powerbrowser", "ArcGIS", "Obsurv", "iProx"], SAAS),
  product("SW.PP", ["GemeenteNu", "OpenWave", "Mozaiek", "Cipers"], SAAS),
  // Council information (raadsinformatie) and street-level imagery are municipal primary-process tools.
  product("SW.PP", ["iBabs", "NotuBiz", "raadsinformatie*", "Cyclomedia", "Cyclorama*"], SAAS),
  keyword("SW.PP", 2.5, [
    "burgerzaken",
    "BRP",
    "WOZ",
    "omgevingswet",
    "omgevingsvergunning*",
    "omgevingsloket",
  ]),
  keyword("SW.PP", 2.5, [
    "VTH",
    "GIS",
    "BAG",
    "BGT",
    "CMS",
    "website*",
    "klantcontact*",
    "KCC",
    "sociaal domein",
  ]),
  keyword("SW.PP", 2.5, ["openbare ruimte", "belastingapplicati*", "basisregistrati*", "geo informatie"]),
  keyword("SW.PP", 2, ["belasting*", "heffing*", "reisdocument*", "rijbewijs*", "verkiezing*", "gba"]),
  keyword("SW.PP", 2, [
    "participatiewet",
    "Wmo",
    "jeugdwet",
    "jeugdzorg",
    "bijstand*",
    "schuldhulp*",
    "leerplicht*",
  ]),
  keyword("SW.PP", 2, [
    "vergunning*",
    "handhaving*",
    "DSO",
    "geo",
    "geografisch*",
    "kaart*",
    "burgerportaal",
  ]),
  keyword("SW.PP", 2, ["parkeer*", "begraaf*", "drupal", "wordpress", "intranet", "sociale zaken"]),
  keyword("SW.PP", 1.5, ["kadaster", "bor", "gbi", "grondexploitati*", "subsidie*", "primair proces"]),
  supplier("SW.PP", 1.5, ["Roxit", "Visma Roxit", "Esri", "Genetics", "Sweco", "Antea"]),
  supplier("SW.PP", 1, ["Centric", "PinkRoccade", "Gouw*", "Key2*"]),
];

const caseManagement: RuleDef[] = [
  product("SW.ZS", [
    "Decos",
    "Djuma",
    "Green Valley",
    "e-Suite",
    "esuite",
    "OpenZaak",
    "open zaak",
    "Mozard",
  ]),
  product("SW.ZS", ["Corsa", "Zaaksysteem.nl", "Key2Zaken", "join zaak*", "Verseon"]),
  keyword("SW.ZS", 2.5, [
    "zaaksysteem*",
    "zaakgericht*",
    "zaakafhandel*",
    "zaakregistrati*",
    "documentbeheer",
  ]),
  keyword("SW.ZS", 2.5, ["documentmanagement*", "DMS", "postregistrati*", "dossierbeheer"]),
  supplier("SW.ZS", 1, ["Xxllnc", "Blueriq"]),
];

const integration: RuleDef[] = [
  product("SW.IK", ["Enterprise Service Bus", "ESB", "StUF*", "ZGW", "DigiD", "eHerkenning", "e herkenning"]),
  product("SW.IK", ["Key2Datadistributi*", "e formulieren", "eformulier*", "MijnOverheid", "api gateway"]),
  keyword("SW.IK", 2.5, [
    "koppeling*",
    "*koppeling",
    "*koppelingen",
    "formulier*",
    "middleware",
    "API",
    "apis",
  ]),
  keyword("SW.IK", 2.5, ["service bus", "datadistributi*", "eidas", "berichtenbox", "integratieplatform"]),
  keyword("SW.IK", 2, ["integratie*", "berichtenverkeer", "gateway", "webservice*", "interface*"]),
  supplier("SW.IK", 1.5, ["Yenlo", "Signicat", "SIM Groep", "Connective"]),
];

const securitySoftware: RuleDef[] = [
  product("SW.IB", ["Zivver", "Tenable", "Qualys", "ESET", "Sophos", "CrowdStrike", "SentinelOne"], SAAS),
  product("SW.IB", ["veilig mailen", "EDR", "XDR", "MFA", "multifactor*", "tweefactor*", "2fa"], SAAS),
  product("SW.IB", ["wachtwoord*", "password*", "Bitdefender", "Trend Micro", "Defender", "Okta"], SAAS),
  // Security licences on top of an office suite are security software, not office automation.
  { ...product("SW.IB", ["E5 Security", "security add-on", "security add-ons"], SAAS), weight: 4 },
  product("SW.IB", ["Mimecast", "Proofpoint", "Microsoft Sentinel", "Sentinel", "Fox-IT", "KnowBe4"], SAAS),
  product("SW.IB", ["kwetsbaarhe*", "vulnerability*", "endpoint detection", "endpoint protection"], SAAS),
  keyword("SW.IB", 2.5, ["endpoint*", "antivirus", "virus*", "antispam", "informatiebeveilig*", "pki*"]),
  keyword("SW.IB", 2, [
    "certifica*",
    "encryptie",
    "dlp",
    "pentest*",
    "penetratietest*",
    "beveiligingssoftware",
  ]),
  keyword("SW.IB", 1.5, ["SIEM", "security", "cybersecurity", "spam*", "NIS2", "BIO"]),
];

const businessIntelligence: RuleDef[] = [
  product("SW.BI", ["Power BI", "PowerBI", "Tableau"], SAAS),
  product("SW.BI", ["Cognos", "Qlik*", "datawarehouse*", "data warehouse", "dataplatform", "data platform"]),
  product("SW.BI", ["business intelligence"]),
  keyword("SW.BI", 2, ["BI", "dashboard*", "analytics", "datalake", "data lake", "data analyse"]),
  keyword("SW.BI", 1, ["rapportage*", "waarstaatjegemeente"]),
  supplier("SW.BI", 1.5, ["Inergy"]),
];

const otherSoftware: RuleDef[] = [
  product("SW.OV", ["TOPdesk"], SAAS),
  product("SW.OV", ["VMware", "vSphere", "Citrix", "AutoCAD"], ON_PREMISE),
  keyword("SW.OV", 1.5, ["overige software"]),
];

/** Words that say "software" without saying which kind: SW.OV if nothing more specific. */
const genericSoftware: RuleDef[] = [
  signal("software", 1.5, ["software", "*software", "programmatuur", "applicatie*", "*applicatie", "SaaS"]),
  signal("software", 1, ["licentie*", "*licentie", "*licenties", "licence*", "license*", "pakket"]),
  signal("software", 1, ["module", "modules", "app", "apps", "*pakket"]),
];

// --- Personnel --------------------------------------------------------------------------------

const roles: RuleDef[] = [
  role("PE.MG", 2.5, ["hoofd", "afdelingshoofd", "CIO", "manager ict", "ict manager", "manager i&a"]),
  role("PE.MG", 2.5, ["teamleider*", "teammanager", "interim manager", "hoofd i&a", "hoofd ict"]),
  role("PE.MG", 2, ["manager", "leidinggevende"]),
  role("PE.IF", 3, ["informatiemanag*", "informatieadvis*", "informatiseringsadvis*", "i adviseur", "CISO"]),
  role("PE.IF", 3, [
    "security officer",
    "privacy officer",
    "functionaris gegevensbescherming",
    "bi specialist",
  ]),
  role("PE.IF", 3, ["architect", "*architect", "architecten", "regisseur"]),
  role("PE.IF", 2.5, ["projectleider*", "projectmanager*", "programmamanager*", "contractmanag*"]),
  role("PE.IF", 2.5, ["leveranciersmanag*", "business analist", "*analist", "analist", "data scientist"]),
  role("PE.IF", 2.5, ["datateam", "data specialist", "informatisering", "i&a adviseur", "*adviseur"]),
  role("PE.IF", 1.5, ["adviseur", "consultant", "specialist", "ISO"]),
  role("PE.FB", 3, ["functioneel beheer*", "functioneel applicatiebeheer*", "applicatiebeheer*"]),
  role("PE.FB", 3, ["functioneel beheerders", "key user*", "keyuser*"]),
  role("PE.AU", 3, ["technisch beheer*", "technisch applicatiebeheer*", "systeembeheer*", "netwerkbeheer*"]),
  role("PE.AU", 3, ["werkplekbeheer*", "servicedesk*", "helpdesk*", "werkplekondersteun*", "devops"]),
  role("PE.AU", 2.5, ["ict medewerker", "ict medewerkers", "ict beheer*", "engineer", "*engineer"]),
  role("PE.AU", 1.5, ["*beheerder", "*beheerders", "beheerder", "beheerders", "automatisering"]),
];

/** Words that make a line a personnel cost, and whether the person is own staff or hired. */
const personnelSignals: RuleDef[] = [
  signal("personnel", 3, ["inhuur*", "ingehuurd*", "detacher*", "gedetacheerd*", "zzp*", "uitzend*"], {
    staffing: "hired",
    nature: "hire",
  }),
  signal("personnel", 2, ["interim*", "ingeleend*"], { staffing: "hired", nature: "hire" }),
  signal("personnel", 1, ["extern", "externe", "freelance*"], { staffing: "hired", nature: "hire" }),
  signal("personnel", 3, ["salaris", "salarissen", "salariskosten", "loonkosten*", "personeelskosten"], {
    staffing: "own",
    nature: "salary",
  }),
  signal("personnel", 2, ["eigen personeel", "sociale lasten", "pensioenpremie*", "vakantiegeld"], {
    staffing: "own",
    nature: "salary",
  }),
  signal("personnel", 1, ["fte", "formatie"]),
  // Staffing agencies and interim brokers: their invoices are hired staff.
  {
    kind: "supplier",
    words: ["Yacht", "Randstad*", "Brainnet", "Tempo Team", "Computer Futures"],
    component: "personnel",
    weight: 2,
    staffing: "hired",
    nature: "hire",
  },
  {
    kind: "supplier",
    words: ["Interimmanagers*", "Twynstra*", "Berenschot", "Harvey Nash"],
    component: "personnel",
    weight: 2,
    staffing: "hired",
    nature: "hire",
  },
];

// --- Infrastructure ---------------------------------------------------------------------------

const workplace: RuleDef[] = [
  keyword("IN.WP", 3, [
    "laptop*",
    "notebook*",
    "desktop*",
    "thin client*",
    "thinclient*",
    "VDI",
    "chromebook*",
  ]),
  keyword("IN.WP", 3, ["printer*", "*printer", "*printers", "multifunctional*", "mfp", "mfps", "toner*"]),
  keyword("IN.WP", 2.5, ["monitor", "monitoren", "monitors", "beeldscherm*", "docking*", "dockingstation*"]),
  // Virtual desktops are the workplace, even when they run in a data centre or Azure.
  product("IN.WP", ["Azure Virtual Desktop", "AVD", "Citrix", "Horizon VDI", "VDI", "virtuele werkplek*"]),
  keyword("IN.WP", 2.5, ["pc", "pcs", "tablet*", "ipad*", "randapparatuur", "werkplekhardware", "print*"]),
  keyword("IN.WP", 2, ["werkplek*", "toetsenbord*", "muizen", "muis", "headset*", "kopieer*", "scanner*"]),
  supplier("IN.WP", 2, ["Canon", "Ricoh", "Konica*", "Xerox", "Kyocera", "Lenovo"]),
  supplier("IN.WP", 1, ["Dell", "HP", "Centralpoint", "Bechtle", "Apple"]),
];

const voiceVideo: RuleDef[] = [
  keyword("IN.SB", 3, ["telefon*", "telefoon*", "*telefonie", "*telefoon", "*telefoons", "smartphone*"]),
  keyword("IN.SB", 3, ["iphone*", "VoIP", "videoconferenc*", "Teams bellen", "beeldbellen", "GSM"]),
  keyword("IN.SB", 2.5, ["mobiel*", "sim kaart*", "simkaart*", "video*", "vergadersysteem*", "audiovisu*"]),
  keyword("IN.SB", 1.5, ["centrale", "bellen", "sip", "spraak"]),
  supplier("IN.SB", 1.5, ["Vodafone", "T-Mobile", "Odido", "Tele2", "Avaya", "Mitel"]),
  supplier("IN.SB", 0.8, ["KPN"]),
];

const networkData: RuleDef[] = [
  keyword("IN.ND", 3, ["firewall*", "switch*", "*switch", "*switches", "router*", "wifi", "wlan", "wi fi"]),
  keyword("IN.ND", 3, ["access point*", "glasvezel*", "datacommunicatie", "dataverbinding*", "sd wan"]),
  keyword("IN.ND", 2.5, ["netwerk*", "internet*", "WAN", "VPN", "fiber", "fibre", "bekabeling", "LAN"]),
  keyword("IN.ND", 2, ["gbit", "mbit", "DNS", "ddos", "bandbreedte", "verbinding*", "*verbinding"]),
  keyword("IN.ND", 1.5, ["*verbindingen", "lijn", "lijnen"]),
  product("IN.ND", ["FortiGate", "Meraki", "Palo Alto"]),
  supplier("IN.ND", 2.5, ["Eurofiber", "Gemnet", "Fortinet", "Cisco", "Aruba", "Juniper"]),
  supplier("IN.ND", 1.5, ["Infradata", "Conscia", "Relined"]),
];

const dataCentre: RuleDef[] = [
  keyword("IN.DC", 3, ["server*", "*server", "*servers", "storage", "backup*", "*backup", "back up"]),
  keyword("IN.DC", 3, ["housing", "colocati*", "co locatie", "rekencentrum", "datacent*", "*datacenter"]),
  keyword("IN.DC", 3, ["IaaS", "PaaS", "SOC", "security operations center", "uitwijk*"]),
  keyword("IN.DC", 2.5, ["SAN", "NAS", "opslag*", "virtualisati*", "hyperconverged"]),
  keyword("IN.DC", 1.5, ["hosting", "rekenkracht", "monitoring", "cloud*"]),
  product("IN.DC", ["Azure", "AWS", "Amazon Web Services", "Google Cloud", "NetApp", "Nutanix", "Veeam"]),
  supplier("IN.DC", 2.5, ["Equinix", "Interxion", "Digital Realty", "NLHosting"]),
  supplier("IN.DC", 1.5, ["Tesorion", "Proact", "HPE", "Fox-IT", "Eye Security"]),
];

// --- Not ICT ----------------------------------------------------------------------------------

const notIct: RuleDef[] = [
  keyword("XX.NI", 4, ["koffie*", "catering", "lunch*", "schoonmaak*", "schoonmaken", "kantoorartikelen"]),
  keyword("XX.NI", 4, ["kantoorbenodigdheden", "meubilair", "bureaustoel*", "reiskosten", "kerstpakket*"]),
  keyword("XX.NI", 3, ["representatie*", "bloemen", "verzekering*", "energiekosten", "drukwerk", "porto"]),
  keyword("XX.NI", 3, ["vending", "parkeerkosten", "huisvesting*", "accountantskosten"]),
  keyword("XX.NI", 2, ["facilitair*", "facilitaire zaken"]),
  supplier("XX.NI", 3, ["Selecta", "CSU", "Asito", "Hago", "Sodexo", "Vebego"]),
];

// --- Delivery and nature ----------------------------------------------------------------------

const deliveryAndNature: RuleDef[] = [
  attribute(["SaaS", "as a service", "software as a service"], {
    delivery: "saas",
    deliveryWeight: 4,
    nature: "subscription",
  }),
  attribute(["abonnement*", "*abonnement", "*abonnementen", "subscription*"], {
    delivery: "saas",
    deliveryWeight: 2,
    nature: "subscription",
  }),
  attribute(["cloud*", "online", "hosted", "gehost", "hosting", "webbased", "web based"], {
    delivery: "saas",
    deliveryWeight: 2,
  }),
  attribute(["on premise", "on premises", "onpremise*", "eigen beheer", "lokaal geinstalleerd"], {
    delivery: "on-premise",
    deliveryWeight: 4,
  }),
  attribute(["onderhoud*", "*onderhoud", "maintenance", "support"], {
    delivery: "on-premise",
    deliveryWeight: 3,
    nature: "licence",
  }),
  attribute(["licentie*", "*licentie", "*licenties", "licence*", "license*"], {
    delivery: "on-premise",
    deliveryWeight: 0.5,
    nature: "licence",
  }),
  attribute(["afschrijving*", "afschrijven", "kapitaallasten", "depreciation"], { nature: "depreciation" }),
  attribute(["project*", "implementati*", "migratie*", "invoering", "upgrade*"], { nature: "project" }),
  attribute(["dienstverlening", "diensten", "beheer", "verbruik", "huur", "lease*", "housing"], {
    nature: "service",
  }),
];

export const BUILTIN_RULES: readonly RuleDef[] = [
  ...officeAutomation,
  ...businessOperations,
  ...primaryProcess,
  ...caseManagement,
  ...integration,
  ...securitySoftware,
  ...businessIntelligence,
  ...otherSoftware,
  ...genericSoftware,
  ...roles,
  ...personnelSignals,
  ...workplace,
  ...voiceVideo,
  ...networkData,
  ...dataCentre,
  ...notIct,
  ...deliveryAndNature,
];
