/**
 * The data of "Gemeente Voorbeeldrade": its accounts and cost centres, every template ledger line
 * (description, supplier, account, cost centre, 2022 amount, fte, how it is booked and the category a
 * careful controller would choose), a credit note, and the inhabitants and budget per year.
 * Amounts are chosen so the totals land near the ICT Benchmark Gemeenten 2023 (see ../sample.ts).
 * A data file: long on purpose; the code that turns it into ledgers is in municipality.ts.
 */
import { CategoryCode } from "../types";

export const ACC = {
  salary: "4010 Salarissen",
  hire: "4050 Inhuur derden",
  advice: "4060 Advieskosten",
  licence: "4410 Licenties software",
  maintenance: "4420 Onderhoud software",
  saas: "4430 SaaS abonnementen",
  workplace: "4510 Hardware werkplek",
  printing: "4520 Printen",
  network: "4530 Hardware netwerk",
  datacentre: "4540 Datacenter",
  other: "4590 Overig",
  telephony: "4610 Telefonie",
  datacom: "4620 Datacommunicatie",
  facilities: "4800 Facilitair",
  depreciation: "4900 Afschrijvingen",
} as const;

const KP = {
  ia: "6100 I&A algemeen",
  im: "6110 Informatiemanagement",
  fb: "6120 Functioneel beheer",
  tb: "6130 Technisch beheer",
  sd: "6140 Servicedesk",
  fac: "6800 Facilitaire zaken",
  bz: "5100 Burgerzaken",
  soc: "5200 Sociaal domein",
  bel: "5300 Belastingen",
  vth: "5400 VTH",
  obr: "5500 Openbare ruimte",
  fin: "6300 Financiën",
  po: "6400 P&O",
} as const;

export interface SampleTemplate {
  code: CategoryCode;
  description: string;
  supplier: string;
  account: string;
  costCentre: string;
  /** Yearly amount in 2022 (before the small per-line variation). */
  amount: number;
  fte?: number;
  /** Booked as 4 quarterly or 12 monthly invoices. */
  parts?: 1 | 4 | 12;
  /** Only in these years (one-off purchases, projects, contracts that start or end). */
  years?: readonly number[];
  /** 2023 amount / 2022 amount; defaults by kind (indexation, cao). */
  growth?: number;
}

type Extra = Pick<SampleTemplate, "fte" | "parts" | "years" | "growth">;

function t(
  code: CategoryCode,
  description: string,
  supplier: string,
  account: string,
  costCentre: string,
  amount: number,
  extra: Extra = {},
): SampleTemplate {
  return { code, description, supplier, account, costCentre, amount, ...extra };
}

const Q = { parts: 4 } as const;
const M = { parts: 12 } as const;
const ONLY_2022 = [2022];
const ONLY_2023 = [2023];
const MS = "Microsoft Ireland Operations Ltd";
const CENTRIC = "Centric Netherlands BV";
const PINK = "PinkRoccade Local Government BV";
const ROXIT = "Visma Roxit BV";
const LOGIUS = "Logius";

const SOFTWARE: readonly SampleTemplate[] = [
  t("SW.KA", "Microsoft 365 E3 abonnement (480 gebruikers)", MS, ACC.saas, KP.ia, 252000, Q),
  t("SW.KA", "Microsoft 365 F3 licenties buitendienst (120 gebruikers)", MS, ACC.saas, KP.ia, 11520),
  t(
    "SW.KA",
    "Microsoft Enterprise Agreement true-up",
    "SoftwareONE Netherlands BV",
    ACC.licence,
    KP.ia,
    38400,
  ),
  t(
    "SW.KA",
    "Exchange Server en Office Software Assurance",
    "SoftwareONE Netherlands BV",
    ACC.licence,
    KP.ia,
    21300,
    {
      years: ONLY_2022,
    },
  ),
  t(
    "SW.KA",
    "Adobe Acrobat Pro licenties verlenging",
    "SoftwareONE Netherlands BV",
    ACC.licence,
    KP.ia,
    9840,
  ),
  t("SW.KA", "Adobe Acrobat Sign ondertekenen", "Adobe Systems Benelux BV", ACC.saas, KP.ia, 6120),
  t("SW.KA", "Visio en Project Online licenties", MS, ACC.saas, KP.ia, 7680),
  t("SW.KA", "Teams Rooms licenties vergaderzalen", MS, ACC.saas, KP.ia, 4320),
  t("SW.KA", "Dragon spraakherkenning licenties", "Nuance Communications", ACC.licence, KP.ia, 3150),
  t("SW.KA", "Microsoft 365 Copilot pilot (25 gebruikers)", MS, ACC.saas, KP.ia, 9360, { years: ONLY_2023 }),
  t("SW.BV", "Key2Financiën onderhoud en support", CENTRIC, ACC.maintenance, KP.fin, 96400),
  t("SW.BV", "Key2Financiën hosting Centric Cloud", CENTRIC, ACC.saas, KP.fin, 36200),
  t("SW.BV", "Key2Inkoop en e-facturatie module", CENTRIC, ACC.maintenance, KP.fin, 14600),
  t("SW.BV", "Youforce salarisverwerking", "Visma Raet BV", ACC.saas, KP.po, 76000, Q),
  t("SW.BV", "Youforce HR Core en verzuim", "Visma Raet BV", ACC.saas, KP.po, 19800),
  t("SW.BV", "SmartDocuments sjablonen licentie", "SmartDocuments BV", ACC.licence, KP.ia, 10400),
  t("SW.BV", "Mercell inkoop- en aanbestedingsplatform", "Mercell Nederland BV", ACC.saas, KP.fin, 5640),
  t("SW.BV", "Anonimiseringssoftware Woo-verzoeken", "Xxllnc BV", ACC.saas, KP.ia, 7620),
  t("SW.BV", "Enterprise search actieve openbaarmaking Woo", "Sdu Uitgevers", ACC.saas, KP.ia, 12600),
  t(
    "SW.BV",
    "Pepperflow planning en control (begroting en jaarrekening)",
    "Pepperflow BV",
    ACC.saas,
    KP.fin,
    14500,
  ),
  t("SW.BV", "Protime tijdregistratie", "Protime BV", ACC.saas, KP.po, 6840),
  t("SW.BV", "e-Depot aansluiting regionaal archief", "Regionaal Historisch Centrum", ACC.saas, KP.ia, 9200),
  t("SW.PP", "iBurgerzaken onderhoud BRP", PINK, ACC.maintenance, KP.bz, 104600),
  t("SW.PP", "Reisdocumenten en rijbewijzen module", PINK, ACC.maintenance, KP.bz, 16800),
  t("SW.PP", "GBA-V aansluiting RvIG", "Rijksdienst voor Identiteitsgegevens", ACC.saas, KP.bz, 6400),
  t("SW.PP", "JCC afsprakenmodule burgerzaken", "JCC Software BV", ACC.saas, KP.bz, 14600),
  t("SW.PP", "Suite4Sociaal Domein SaaS", CENTRIC, ACC.saas, KP.soc, 262000, Q),
  t("SW.PP", "GWS4all Participatiewet onderhoud", CENTRIC, ACC.maintenance, KP.soc, 72400),
  t("SW.PP", "Suite4Jeugd en Wmo module", CENTRIC, ACC.saas, KP.soc, 38600),
  t("SW.PP", "Inburgering registratiemodule", CENTRIC, ACC.saas, KP.soc, 6200),
  t("SW.PP", "Key2Belastingen en WOZ onderhoud", CENTRIC, ACC.maintenance, KP.bel, 112400),
  t("SW.PP", "WOZ-taxatiemodel en marktanalyse", "Ortec Finance", ACC.saas, KP.bel, 21400),
  t("SW.PP", "Squit 20/20 VTH licentie", ROXIT, ACC.saas, KP.vth, 52200),
  t("SW.PP", "Rx.Mission omgevingsvergunningen", ROXIT, ACC.saas, KP.vth, 40800),
  t("SW.PP", "Plansoftware Omgevingswet (DSO-aansluiting)", ROXIT, ACC.saas, KP.vth, 19400),
  t("SW.PP", "ArcGIS Enterprise onderhoud", "Esri Nederland BV", ACC.maintenance, KP.obr, 38400),
  t("SW.PP", "BGT/BAG beheerpakket", "Sweco Nederland BV", ACC.saas, KP.obr, 12400),
  t("SW.PP", "Key2Basisregistraties BAG en WKPB", CENTRIC, ACC.maintenance, KP.obr, 46200),
  t("SW.PP", "Cyclomedia Street Smart panoramabeelden", "Cyclomedia Technology BV", ACC.saas, KP.obr, 16800),
  t("SW.PP", "Obsurv beheer openbare ruimte", "Antea Group", ACC.saas, KP.obr, 18600),
  t("SW.PP", "Fixi meldingen openbare ruimte", "Decos Information Solutions BV", ACC.saas, KP.obr, 9400),
  t("SW.PP", "Website hosting en CMS GemeenteNu", "Rapide Internet", ACC.saas, KP.ia, 17600),
  t("SW.PP", "Siteimprove toegankelijkheidsmonitor website", "Siteimprove", ACC.saas, KP.ia, 6900),
  t("SW.PP", "Klantcontactcentrum software Genesys Cloud", "Genesys", ACC.saas, KP.bz, 26400, Q),
  t("SW.PP", "Raadsinformatiesysteem iBabs", "iBabs BV", ACC.saas, KP.ia, 11800),
  t("SW.PP", "Burgerportaal Mijn Loket en e-diensten", "Xxllnc BV", ACC.saas, KP.bz, 28400),
  t("SW.PP", "Leerplicht en leerlingenvervoer module", CENTRIC, ACC.saas, KP.soc, 12600),
  t("SW.KA", "Adobe Creative Cloud team Communicatie", "Adobe Systems Benelux BV", ACC.saas, KP.ia, 8400),
  t("SW.IB", "Microsoft 365 E5 Security add-on (480 gebruikers)", MS, ACC.saas, KP.tb, 46800),
  t("SW.IB", "Microsoft Sentinel SIEM-tooling licenties", MS, ACC.saas, KP.tb, 14200),
  t(
    "SW.ZS",
    "Decos JOIN zaaksysteem licentie",
    "Decos Information Solutions BV",
    ACC.maintenance,
    KP.ia,
    88600,
  ),
  t("SW.ZS", "Zaaksysteem.nl abonnement", "Xxllnc BV", ACC.saas, KP.ia, 44800, { years: ONLY_2023 }),
  t("SW.ZS", "OpenZaak zaakregistratiecomponent", "Maykin Media BV", ACC.saas, KP.ia, 12600),
  t("SW.ZS", "Corsa DMS onderhoud", "Blueriq BV", ACC.maintenance, KP.ia, 14200),
  t("SW.IK", "Enterprise Service Bus koppelingen", "Yenlo BV", ACC.saas, KP.tb, 44200),
  t("SW.IK", "StUF-koppelingen onderhoud", CENTRIC, ACC.maintenance, KP.tb, 9400),
  t("SW.IK", "Open Formulieren e-formulieren platform", "Maykin Media BV", ACC.saas, KP.ia, 15600),
  t("SW.IK", "API-gateway en ZGW-koppelingen Frank!Framework", "WeAreFrank! BV", ACC.saas, KP.tb, 12000),
  t("SW.IK", "DigiD aansluiting", LOGIUS, ACC.saas, KP.ia, 8100),
  t("SW.IK", "eHerkenning makelaar aansluiting", "Signicat", ACC.saas, KP.ia, 3400),
  t("SW.IK", "Berichtenverkeer iWmo/iJw Gegevensknooppunt", "VNG Realisatie", ACC.saas, KP.soc, 8900),
  t("SW.IB", "Zivver veilig mailen jaarlicentie", "Zivver BV", ACC.saas, KP.ia, 12100),
  t("SW.IB", "Endpoint detection and response licenties", "ESET Nederland", ACC.licence, KP.tb, 9800),
  t("SW.IB", "Kwetsbaarhedenscanner licentie", "Tenable", ACC.licence, KP.tb, 7900),
  t("SW.IB", "Wachtwoordmanager en MFA tokens", "Nedap Security", ACC.licence, KP.tb, 3200),
  t("SW.IB", "Mimecast e-mailbeveiliging", "Mimecast", ACC.saas, KP.tb, 11200),
  t("SW.IB", "Security awareness training platform", "KnowBe4", ACC.saas, KP.im, 6500),
  t("SW.BI", "Power BI Pro licenties", MS, ACC.saas, KP.im, 7400),
  t("SW.BI", "Cognos Analytics onderhoud", "IBM Nederland BV", ACC.maintenance, KP.im, 18200),
  t("SW.BI", "Datawarehouse hosting en licentie", "Inergy BV", ACC.saas, KP.im, 32400, Q),
  t("SW.OV", "TOPdesk servicemanagement abonnement", "TOPdesk Nederland BV", ACC.saas, KP.sd, 22400),
  t("SW.OV", "VMware vSphere support", "Dell Technologies", ACC.maintenance, KP.tb, 13100),
  t("SW.OV", "AutoCAD licenties tekenkamer", "Autodesk", ACC.licence, KP.obr, 8800),
  t("SW.OV", "Lansweeper inventarisatie licentie", "Lansweeper", ACC.licence, KP.tb, 3400),
];

const OWN = (fte: number) => ({ fte, growth: 1.055 });
const HIRED = (fte: number, years?: readonly number[]) => ({ fte, growth: 1.03, years });

const PERSONNEL: readonly SampleTemplate[] = [
  t("PE.MG", "Salaris hoofd afdeling I&A", "", ACC.salary, KP.ia, 112400, OWN(1)),
  t("PE.MG", "Salarissen teamleiders I&A", "", ACC.salary, KP.ia, 186200, OWN(2)),
  t("PE.IF", "Salarissen team Informatiemanagement", "", ACC.salary, KP.im, 418600, OWN(5)),
  t("PE.IF", "Salaris CISO", "", ACC.salary, KP.im, 98400, OWN(1)),
  t("PE.IF", "Salaris functionaris gegevensbescherming", "", ACC.salary, KP.im, 71200, OWN(0.8)),
  t("PE.IF", "Salarissen datateam", "", ACC.salary, KP.im, 164800, OWN(2)),
  t("PE.FB", "Salarissen functioneel beheer sociaal domein", "", ACC.salary, KP.fb, 232600, OWN(3)),
  t(
    "PE.FB",
    "Salarissen functioneel beheer burgerzaken en belastingen",
    "",
    ACC.salary,
    KP.fb,
    201400,
    OWN(2.6),
  ),
  t("PE.FB", "Salarissen functioneel beheer bedrijfsvoering", "", ACC.salary, KP.fb, 151800, OWN(2)),
  t("PE.AU", "Salarissen team Technisch beheer", "", ACC.salary, KP.tb, 324600, OWN(4)),
  t("PE.AU", "Salarissen servicedesk", "", ACC.salary, KP.sd, 286400, OWN(4.4)),
  t("PE.AU", "Salarissen technisch applicatiebeheer", "", ACC.salary, KP.tb, 162200, OWN(2)),
  t("PE.MG", "Interim manager ICT", "Interimmanagers.nl", ACC.hire, KP.ia, 74200, HIRED(0.5, ONLY_2022)),
  t("PE.IF", "Inhuur informatieadviseur sociaal domein", "Yacht BV", ACC.hire, KP.soc, 128400, HIRED(1)),
  t("PE.IF", "Externe projectleider Omgevingswet", "Twynstra Gudde", ACC.hire, KP.vth, 88200, HIRED(0.6)),
  t("PE.IF", "Detachering privacy officer", "Privacy Company", ACC.hire, KP.im, 50400, HIRED(0.4)),
  t("PE.IF", "Inhuur BI-specialist datateam", "Conclusion", ACC.hire, KP.im, 60800, HIRED(0.4)),
  t("PE.IF", "Inhuur adviseur informatiebeveiliging", "Secura", ACC.hire, KP.im, 78600, HIRED(0.5)),
  t("PE.IF", "Inhuur enterprise architect", "Sogeti Nederland BV", ACC.hire, KP.im, 66400, HIRED(0.4)),
  t(
    "PE.FB",
    "Inhuur functioneel beheerder Suite4 (detachering)",
    "Brainnet",
    ACC.hire,
    KP.soc,
    108600,
    HIRED(0.9),
  ),
  t(
    "PE.FB",
    "Inhuur functioneel beheerder Omgevingswet",
    "Hays Nederland",
    ACC.hire,
    KP.vth,
    92400,
    HIRED(0.7),
  ),
  t("PE.FB", "Inhuur applicatiebeheerder financiële systemen", CENTRIC, ACC.hire, KP.fin, 72400, HIRED(0.6)),
  t("PE.AU", "Inhuur netwerkbeheerder", "Randstad Professionals", ACC.hire, KP.tb, 63800, HIRED(0.5)),
  t("PE.AU", "Inhuur servicedeskmedewerker piekbezetting", "Tempo-Team", ACC.hire, KP.sd, 72600, HIRED(0.8)),
  t("PE.AU", "Inhuur specialist migratie Microsoft 365", "Wortell", ACC.hire, KP.tb, 92600, HIRED(0.7)),
  t("PE.MG", "Inhuur teamleider servicedesk (interim)", "Interimmanagers.nl", ACC.hire, KP.sd, 71800, {
    fte: 0.5,
    years: ONLY_2023,
  }),
];

const INFRASTRUCTURE: readonly SampleTemplate[] = [
  t("IN.WP", "Afschrijving laptops en desktops", "", ACC.depreciation, KP.tb, 142600),
  t(
    "IN.WP",
    "Vervanging laptops (60 st) inclusief docking",
    "Dell Technologies",
    ACC.workplace,
    KP.tb,
    96400,
  ),
  t("IN.WP", "Monitoren 27 inch", "Centralpoint", ACC.workplace, KP.tb, 14300),
  t("IN.WP", "Headsets en docking stations", "Centralpoint", ACC.workplace, KP.tb, 11200),
  t("IN.WP", "Lease multifunctionals en printkosten", "Canon Nederland NV", ACC.printing, KP.fac, 34200, Q),
  t("IN.WP", "Azure Virtual Desktop verbruik", MS, ACC.datacentre, KP.tb, 19200, Q),
  t("IN.WP", "Reparatie en garantie laptops", "Dell Technologies", ACC.workplace, KP.tb, 4600),
  t("IN.WP", "iPads raadsleden (29 st)", "Centralpoint", ACC.workplace, KP.ia, 18200, { years: ONLY_2023 }),
  t("IN.SB", "KPN Zakelijk mobiel abonnementen", "KPN BV", ACC.telephony, KP.tb, 46200, M),
  t("IN.SB", "Vaste telefonie en Teams bellen", "Vodafone Libertel BV", ACC.telephony, KP.tb, 19600, Q),
  t("IN.SB", "Smartphones vervanging (25 st)", "KPN BV", ACC.telephony, KP.tb, 10400),
  t("IN.SB", "Videoconferencing apparatuur vergaderruimtes", "AVEQ", ACC.workplace, KP.fac, 8100),
  t("IN.SB", "Telefoonnummer 14 0xx", LOGIUS, ACC.telephony, KP.bz, 1800),
  t("IN.WP", "Printers en scanners afdelingen", "Centralpoint", ACC.workplace, KP.fac, 9200),
  t("IN.WP", "Uitrol en configuratie nieuwe laptops", "Dell Technologies", ACC.workplace, KP.tb, 12400),
  t(
    "IN.WP",
    "Vervanging desktops en thin clients publieksbalie",
    "Dell Technologies",
    ACC.workplace,
    KP.bz,
    38200,
    {
      years: ONLY_2022,
    },
  ),
  t("IN.SB", "Mobile device management smartphones", "KPN BV", ACC.telephony, KP.tb, 8200),
  t("IN.SB", "Vaste lijnen buitenlocaties", "KPN BV", ACC.telephony, KP.tb, 6100, Q),
  t("IN.DC", "Afschrijving servers en virtualisatieplatform", "", ACC.depreciation, KP.tb, 38600),
  t("IN.DC", "Uitbreiding opslag NetApp", "Proact Netherlands", ACC.datacentre, KP.tb, 46200, {
    years: ONLY_2023,
  }),
  t(
    "IN.ND",
    "Glasvezelverbinding gemeentehuis - buitenlocaties",
    "Eurofiber Nederland BV",
    ACC.datacom,
    KP.tb,
    38400,
    Q,
  ),
  t("IN.ND", "Internetverbinding 1 Gbit", "Gemnet", ACC.datacom, KP.tb, 7440, M),
  t("IN.ND", "Core switches vervanging", "Conscia Nederland", ACC.network, KP.tb, 49200, {
    years: ONLY_2022,
  }),
  t("IN.ND", "Uitbreiding wifi buitenlocaties", "Axians", ACC.network, KP.tb, 21400, { years: ONLY_2023 }),
  t("IN.ND", "Firewall onderhoud en licenties", "Fortinet via Infradata", ACC.network, KP.tb, 13400),
  t("IN.ND", "Wifi access points raadhuis", "Axians", ACC.network, KP.tb, 9900),
  t("IN.ND", "SD-WAN verbindingen buitenlocaties", "KPN BV", ACC.datacom, KP.tb, 14000, Q),
  t("IN.ND", "Afschrijving netwerkapparatuur", "", ACC.depreciation, KP.tb, 32400),
  t("IN.ND", "Diginetwerk aansluiting", LOGIUS, ACC.datacom, KP.tb, 4200),
  t("IN.DC", "Housing rekencentrum en colocatie", "Equinix", ACC.datacentre, KP.tb, 52400, Q),
  t("IN.DC", "Servers en storage onderhoudscontract", "HPE", ACC.datacentre, KP.tb, 34200),
  t("IN.DC", "Backup as a service", "Proact Netherlands", ACC.datacentre, KP.tb, 22200, M),
  t("IN.DC", "Azure verbruik (IaaS)", MS, ACC.datacentre, KP.tb, 36000, M),
  t("IN.DC", "SOC/SIEM dienstverlening 24x7", "Tesorion", ACC.datacentre, KP.tb, 56400, Q),
  t("IN.DC", "Afschrijving SAN-storage", "", ACC.depreciation, KP.tb, 16400),
  t("IN.DC", "Hosting applicaties primair proces (Centric Cloud)", CENTRIC, ACC.datacentre, KP.tb, 72600, Q),
  t("IN.DC", "Veeam Backup licenties", "Bechtle", ACC.licence, KP.tb, 6900),
  t("IN.DC", "UPS en noodstroom serverruimte onderhoud", "Eaton Electric", ACC.datacentre, KP.tb, 3800),
];

const OTHER: readonly SampleTemplate[] = [
  t("XX.NI", "Koffieautomaten huur", "Selecta", ACC.facilities, KP.fac, 6300),
  t("XX.NI", "Schoonmaak serverruimte en kantoor", "CSU", ACC.facilities, KP.fac, 3500),
  t("XX.NI", "Kantoorpapier en enveloppen", "Lyreco", ACC.facilities, KP.fac, 2900),
  t("XX.NI", "Lunch en catering heidag team I&A", "Brasserie Het Raadhuis", ACC.facilities, KP.ia, 1800),
  t("XX.OO", "Diverse kleine aanschaffen", "Bol.com zakelijk", ACC.other, KP.ia, 1240),
  t("XX.OO", "Advieskosten digitale transformatie", "KPMG Advisory", ACC.advice, KP.ia, 24600, {
    years: ONLY_2023,
  }),
  t("XX.OO", "Factuur 2022-0418 diverse levering", "Bechtle", ACC.other, KP.tb, 3860, { years: ONLY_2022 }),
];

/** All template lines with the category each is meant to land in. */
export const SAMPLE_TEMPLATES: readonly SampleTemplate[] = [
  ...SOFTWARE,
  ...PERSONNEL,
  ...INFRASTRUCTURE,
  ...OTHER,
];

/** A credit note: a negative line, as ledgers have them. */
export const CREDIT_NOTE: SampleTemplate = t(
  "IN.WP",
  "Creditnota dubbele factuur laptops",
  "Dell Technologies",
  ACC.workplace,
  KP.tb,
  -4790,
  { years: ONLY_2022 },
);

export const INHABITANTS: Record<number, number> = { 2022: 62140, 2023: 62615 };
export const BUDGET: Record<number, number> = { 2022: 178_400_000, 2023: 191_250_000 };
