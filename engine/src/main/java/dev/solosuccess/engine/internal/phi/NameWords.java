package dev.solosuccess.engine.internal.phi;

import java.util.Set;

/** Word sets of the name recognizer: titles, credentials, and capitalized words that are not names. */
final class NameWords {

  private NameWords() {}

  /** Titles before a name (folded keys). */
  static final Set<String> TITLES =
      Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "rev",
          "reverend", "sir", "madam", "mister", "dame");

  /** Credentials after a name. */
  static final String CREDENTIALS =
      "(?:M\\.?D\\.?|D\\.?O\\.?|R\\.?N\\.?|N\\.?P\\.?|PA-C|P\\.?A\\.?|Ph\\.?D\\.?|DDS|DMD|PharmD"
          + "|LPN|CNA|CRNA|FNP(?:-BC|-C)?|APRN|ANP|MSN|BSN|LCSW|LICSW|DPT|MBBS|FACS|FACP|FACC"
          + "|MPH|MSW|RPh|CNM|CNS|RD|RT|OTR|CCC-SLP|PsyD|DNP|MS|MA|MBA|Esq)";

  /** Name suffixes, kept inside a name span. */
  static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");

  /** Lower-case particles inside names: "de la Cruz", "van Dyke". */
  static final Set<String> PARTICLES =
      Set.of("de", "la", "del", "van", "von", "der", "den", "da", "di", "le", "du", "dos", "das",
          "bin", "ibn", "al", "el", "st");

  /**
   * Words after a name that make it an eponym or an institution, not a person here: "Parkinson
   * disease", "Foley catheter", "Bell palsy", "Mercy Hospital".
   */
  static final Set<String> AFTER_NOT_PERSON =
      Set.copyOf(java.util.List.of("disease", "syndrome", "sign", "signs", "palsy", "catheter", "test", "score",
          "fracture", "cyst", "maneuver", "manoeuvre", "procedure", "criteria", "classification",
          "scale", "phenomenon", "reflex", "disorder", "lymphoma", "sarcoma", "tumor", "tumour",
          "ulcer", "operation", "repair", "stockings", "stocking", "tube", "drain", "monitor",
          "index", "grade", "stage", "node", "nodes", "triad", "lesion", "law", "method",
          "position", "pouch", "space", "hospital", "clinic", "center", "centre", "medical",
          "memorial", "health", "healthcare", "university", "college", "institute", "pharmacy",
          "laboratories", "laboratory", "labs", "foundation", "associates", "group", "practice",
          "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive",
          "court", "place", "terrace", "circle", "parkway", "highway", "trail",
          "county", "parish", "building", "pavilion", "wing", "hall", "tower", "campus",
          "school", "church", "center's", "regional", "general", "community", "children's",
          "rehabilitation", "rehab", "nursing", "hospice", "unit", "ward", "care", "family",
          "company", "inc", "corp", "llc", "park", "library", "airport", "river", "lake",
          "mountain", "valley", "city", "town", "village", "heights", "springs"));

  /** Words before a name that make it part of a place: "St. Mary's", "Mount Sinai", "Lake Ella". */
  static final Set<String> BEFORE_NOT_PERSON =
      Set.of("st", "saint", "mount", "mt", "lake", "fort", "ft", "port", "san", "santa", "los",
          "las", "new", "north", "south", "east", "west", "upper", "lower", "camp", "cape");

  /** Function words and common verbs, capitalized at a sentence start: never a name. */
  static final Set<String> FUNCTION_WORDS =
      Set.copyOf(java.util.List.of(
          "the", "a", "an", "and", "or", "but", "if", "of", "in", "on", "at", "to", "for",
          "with", "by", "from", "as", "is", "was", "he", "she", "his", "her", "they", "we", "i",
          "you", "it", "this", "that", "these", "those", "no", "not", "yes", "per", "via",
          "upon", "all", "any", "each", "both", "after", "before", "during", "since", "until",
          "while", "when", "then", "there", "here", "will", "may", "can", "should", "would",
          "could", "has", "had", "have", "be", "been", "being", "do", "does", "did", "also",
          "today", "tomorrow", "yesterday", "tonight", "please", "thank", "thanks", "dear",
          "regards", "sincerely", "hello", "hi", "ok", "okay", "see", "call", "return", "follow",
          "continue", "start", "stop", "take", "given", "give", "denies", "reports", "states",
          "notes", "plan", "will", "well", "good", "new", "old", "left", "right", "bilateral"));

  /**
   * Capitalized words that are not taken for names without a title or label before them: the
   * function words, section headings and clinical words, days, months and states (which are also
   * first names: "June", "Virginia").
   */
  static final Set<String> NOT_NAMES = union(FUNCTION_WORDS, java.util.List.of(
          // note structure and clinical vocabulary
          "patient", "pt", "history", "exam", "examination", "assessment", "diagnosis",
          "diagnoses", "impression", "medications", "medication", "meds", "allergies",
          "allergy", "vital", "vitals", "signs", "labs", "lab", "results", "result", "chief",
          "complaint", "hpi", "ros", "review", "systems", "physical", "general", "heent",
          "neck", "chest", "heart", "lungs", "lung", "abdomen", "extremities", "neuro",
          "neurologic", "skin", "psych", "psychiatric", "cardiology", "oncology", "neurology",
          "radiology", "pathology", "pediatrics", "surgery", "surgical", "emergency",
          "department", "clinic", "hospital", "center", "medical", "health", "unit", "icu",
          "er", "ed", "ward", "floor", "room", "nurse", "nursing", "pharmacy", "laboratory",
          "discharge", "admission", "admitted", "summary", "note", "notes", "report", "signed",
          "date", "time", "name", "address", "phone", "fax", "email", "mrn", "dob", "age",
          "sex", "male", "female", "social", "family", "past", "present", "illness", "course",
          "hospital", "procedure", "procedures", "findings", "recommendations", "disposition",
          "condition", "instructions", "problem", "problems", "list", "active", "inactive",
          "orders", "order", "consult", "consultation", "referral", "imaging", "ct", "mri",
          "xr", "ekg", "ecg", "echo", "cbc", "bmp", "cmp", "ua", "hgb", "wbc", "plt", "bp", "hr",
          "rr", "temp", "spo2", "bmi", "weight", "height", "pain", "normal", "negative",
          "positive", "stable", "improved", "unchanged", "acute", "chronic", "mild", "moderate",
          "severe", "primary", "secondary", "type", "diabetes", "hypertension", "mellitus",
          "insulin", "blood", "pressure", "sugar", "glucose", "oral", "daily", "twice", "tablet",
          "tablets", "capsule", "dose", "doses", "mg", "ml", "po", "iv", "im", "prn", "bid",
          "tid", "qid", "qhs", "hs", "tab", "cap", "drip", "infusion", "therapy", "therapist",
          "physical", "occupational", "speech", "respiratory", "care", "plan", "goals",
          "education", "counseling", "follow-up", "followup", "visit", "telehealth", "phone",
          "insurance", "medicare", "medicaid", "member", "policy", "group", "account", "billing",
          "code", "icd", "cpt", "dx", "rx", "sx", "hx", "fx", "tx", "attending", "resident",
          "fellow", "physician", "provider", "surgeon", "doctor", "doctors", "service",
          "services", "team", "staff", "program", "internal", "medicine", "family", "practice",
          "obstetrics", "gynecology", "urology", "nephrology", "gastroenterology",
          "dermatology", "endocrinology", "rheumatology", "hematology", "pulmonology",
          "orthopedics", "orthopaedics", "psychiatry", "psychology", "anesthesia",
          "anesthesiology", "cardiothoracic", "vascular", "trauma", "critical", "intensive",
          "neonatal", "pediatric", "geriatric", "geriatrics", "palliative", "hospice", "wound",
          "infectious", "diseases", "disease", "immunology", "ophthalmology", "otolaryngology",
          "ent", "oncologist", "cardiologist", "neurologist", "radiologist", "pathologist",
          "hospitalist", "intensivist", "pharmacist", "dietitian", "nutrition", "case",
          "management", "manager", "coordinator", "chaplain", "volunteer", "interpreter",
          "clinical", "clinician", "outpatient", "inpatient", "observation", "triage",
          "cardiac", "pulmonary", "renal", "hepatic", "gi", "gu", "musculoskeletal", "msk",
          "genitourinary", "gastrointestinal", "neurological", "constitutional", "eyes",
          "ears", "nose", "throat", "mouth", "back", "spine", "head", "hip", "knee", "shoulder",
          "ankle", "wrist", "hand", "foot", "arm", "leg", "eye", "lab", "labs", "x-ray",
          "ultrasound", "biopsy", "culture", "specimen", "test", "tests", "score", "scale",
          "vaccine", "vaccination", "immunizations", "influenza", "covid", "covid-19",
          "sars-cov-2", "hiv", "hepatitis", "copd", "chf", "cad", "ckd", "afib", "dvt", "pe",
          "uti", "mi", "cva", "tia", "gerd", "osa", "bph", "dm", "htn", "hld", "otc",
          // credentials and registries
          "md", "np", "rn", "dds", "dmd", "phd", "facp", "facs", "facc", "dea", "npi", "lpn",
          "cna", "crna", "fnp", "aprn", "msn", "bsn", "lcsw", "dpt", "mph", "msw", "rph", "cnm",
          "pharmd", "psyd", "dnp", "mbbs",
          // lab analytes written as symbols
          "na", "cl", "co2", "bun", "cr", "ca", "mg", "phos", "alt", "ast", "alk", "ldl", "hdl",
          "tsh", "inr", "ptt", "fe", "tibc", "crp", "esr", "bnp", "psa", "hba1c", "a1c", "egfr",
          // days, months, seasons, holidays
          "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
          "january", "february", "march", "april", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec", "spring", "summer", "autumn", "fall", "winter",
          "christmas", "easter", "thanksgiving", "hanukkah", "ramadan"));

  /**
   * States, countries and nationalities that are also first names or surnames ("Virginia",
   * "Washington"): alone they are places, after a title or label they are names.
   */
  static final Set<String> PLACES = Set.copyOf(java.util.List.of(
          "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
          "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa",
          "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan",
          "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "ohio",
          "oklahoma", "oregon", "pennsylvania", "tennessee", "texas", "utah", "vermont",
          "virginia", "washington", "wisconsin", "wyoming", "carolina", "dakota", "jersey",
          "york", "america", "american", "english", "spanish", "french", "german", "italian",
          "chinese", "japanese", "korean", "vietnamese", "russian", "arabic", "african",
          "asian", "hispanic", "latino", "latina", "caucasian", "mexico",
          "canada", "china", "india", "africa", "europe", "usa", "us"));

  private static Set<String> union(Set<String> a, java.util.List<String> b) {
    java.util.Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
