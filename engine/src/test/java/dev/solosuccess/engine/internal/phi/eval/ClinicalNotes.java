package dev.solosuccess.engine.internal.phi.eval;

import static dev.solosuccess.sdk.PhiType.ACCOUNT;
import static dev.solosuccess.sdk.PhiType.AGE;
import static dev.solosuccess.sdk.PhiType.BIOMETRIC;
import static dev.solosuccess.sdk.PhiType.CITY;
import static dev.solosuccess.sdk.PhiType.DATE;
import static dev.solosuccess.sdk.PhiType.DEVICE;
import static dev.solosuccess.sdk.PhiType.EMAIL;
import static dev.solosuccess.sdk.PhiType.FAX;
import static dev.solosuccess.sdk.PhiType.HEALTH_PLAN;
import static dev.solosuccess.sdk.PhiType.IP_ADDRESS;
import static dev.solosuccess.sdk.PhiType.LICENSE;
import static dev.solosuccess.sdk.PhiType.MRN;
import static dev.solosuccess.sdk.PhiType.OTHER_ID;
import static dev.solosuccess.sdk.PhiType.PHONE;
import static dev.solosuccess.sdk.PhiType.SSN;
import static dev.solosuccess.sdk.PhiType.STREET_ADDRESS;
import static dev.solosuccess.sdk.PhiType.URL;
import static dev.solosuccess.sdk.PhiType.VEHICLE;
import static dev.solosuccess.sdk.PhiType.ZIP;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A deterministic generator of clinical-style notes with exact labelled identifier spans: headers,
 * prose, lab and medication lines, contact and insurance blocks, signatures, in varied layouts and
 * spellings. Between the identifiers stand the things a redactor must leave alone: years alone,
 * ages under 90, lab values, vitals, doses, ICD-10 and CPT codes, drug brands, departments,
 * hospitals, eponyms ("Parkinson's disease", "Foley catheter") and scores ("7/10").
 *
 * <p>The same seed gives the same notes. Not thread-safe.
 */
public final class ClinicalNotes {

  private static final String[] DRUGS = {
    "Lipitor", "Zoloft", "Coumadin", "Eliquis", "Xarelto", "Synthroid", "Norvasc", "Plavix",
    "Humira", "Keytruda", "Ozempic", "Tylenol", "Motrin", "Lasix", "Zofran", "Ativan", "Haldol",
    "Dilaudid", "Percocet", "Augmentin", "Keflex", "Bactrim", "Cipro", "Flagyl", "Prednisone",
    "Toradol", "Benadryl", "Protonix", "Pepcid", "Colace", "MiraLAX", "Neurontin", "Lyrica",
    "Flexeril", "Ambien", "Seroquel", "Lexapro", "Wellbutrin", "Prozac", "Zyrtec", "Flonase",
    "Singulair", "Spiriva", "Symbicort", "Metformin", "Lisinopril", "Atorvastatin", "Jardiance"
  };

  private static final String[] GENERICS = {
    "metformin 500 mg PO BID", "lisinopril 10 mg daily", "atorvastatin 40 mg qHS",
    "insulin glargine 20 units qHS", "apixaban 5 mg BID", "furosemide 40 mg daily",
    "amlodipine 5 mg daily", "levothyroxine 88 mcg daily", "sertraline 50 mg daily",
    "gabapentin 300 mg TID", "albuterol 2 puffs q4h PRN", "ondansetron 4 mg IV q6h PRN",
    "vancomycin 1.25 g IV q12h", "aspirin 81 mg daily", "prednisone 40 mg x5 days"
  };

  private static final String[] DEPARTMENTS = {
    "Cardiology", "Oncology", "Neurology", "the Emergency Department", "Internal Medicine",
    "Physical Therapy", "Social Work", "Radiology", "Gastroenterology", "Nephrology",
    "Endocrinology", "Palliative Care", "Orthopedics", "Pulmonology", "Infectious Disease"
  };

  private static final String[] HOSPITALS = {
    "Mercy General Hospital", "St. Luke's Medical Center", "Riverside Regional Medical Center",
    "Lakeview Clinic", "Good Samaritan Hospital", "Providence Memorial", "Sacred Heart Hospital",
    "Presbyterian Hospital", "Children's Hospital", "Baptist Health", "Kaiser Permanente"
  };

  private static final String[] CONDITIONS = {
    "type 2 diabetes mellitus (E11.9)", "hypertension (I10)", "COPD (J44.1)",
    "CKD stage 3 (N18.3)", "atrial fibrillation (I48.91)", "Parkinson's disease (G20)",
    "Crohn's disease (K50.90)", "Hodgkin lymphoma", "CHF with EF 35%", "major depressive disorder",
    "osteoarthritis of the left knee", "Bell's palsy", "Graves disease", "Alzheimer's dementia",
    "Hashimoto thyroiditis", "Cushing syndrome", "sickle cell disease", "Down syndrome"
  };

  private static final String[] LABS = {
    "Hgb 12.4 g/dL", "Na 138", "K 4.1", "Cr 1.2", "BUN 18", "WBC 7.8", "Plt 245", "A1c 7.2%",
    "LDL 130 mg/dL", "TSH 2.1", "INR 2.4", "troponin <0.01", "BNP 412", "eGFR 52",
    "glucose 186 mg/dL", "lactate 1.1", "ALT 32", "AST 28", "Mg 2.0", "Phos 3.4"
  };

  private static final String[] RELATIONS = {
    "daughter", "son", "wife", "husband", "sister", "brother", "mother", "niece", "friend",
    "neighbor", "grandson", "partner"
  };

  private static final String[] CREDENTIALS = {"MD", "DO", "NP", "PA-C", "RN", "M.D."};

  private final PhiValues v;
  private final LetterNotes letters;

  public ClinicalNotes(long seed) {
    this.v = new PhiValues(new Random(seed));
    this.letters = new LetterNotes(v, this);
  }

  /** {@code n} notes: even ones from this class's templates, odd ones from {@link LetterNotes}. */
  public List<LabeledNote> notes(int n) {
    List<LabeledNote> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(i % 2 == 0 ? note() : letters.note());
    }
    return out;
  }

  /** {@code n} notes of one family: this class's templates, or {@link LetterNotes}'. */
  public List<LabeledNote> notes(int n, boolean lettersOnly) {
    List<LabeledNote> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(lettersOnly ? letters.note() : note());
    }
    return out;
  }

  /** The people and numbers of one note. */
  private final class Patient {
    final String first = v.first();
    final String last = v.last();
    final String middle = v.initial();
    final boolean female = v.chance(0.5);
    final LocalDate dob = LocalDate.of(v.between(1925, 2015), v.between(1, 12), v.between(1, 28));
    final String mrn = v.mrn();
    final String[] city = v.city();
    final String doctorFirst = v.first();
    final String doctorLast = v.last();
  }

  LabeledNote note() {
    Patient p = new Patient();
    NoteBuilder b = new NoteBuilder();
    header(b, p);
    int sentences = v.between(4, 9);
    List<Consumer<NoteBuilder>> pool = body(p);
    for (int i = 0; i < sentences; i++) {
      v.pick(pool).accept(b);
      b.t(v.chance(0.7) ? " " : "\n");
    }
    b.nl().nl();
    signature(b, p);
    return b.build();
  }

  // ---- names ----

  /** The patient's name in one of the spellings of headers. */
  private void headerName(NoteBuilder b, Patient p) {
    switch (v.random.nextInt(6)) {
      case 0 -> b.name(p.first + " " + p.last);
      case 1 -> b.name(p.last.toUpperCase(Locale.ROOT) + ", " + p.first.toUpperCase(Locale.ROOT));
      case 2 -> b.name(p.last + ", " + p.first + " " + p.middle + ".");
      case 3 -> b.name(p.first + " " + p.middle + ". " + p.last);
      case 4 -> b.name(p.last + ", " + p.first);
      default -> b.name(p.first.toUpperCase(Locale.ROOT) + " " + p.last.toUpperCase(Locale.ROOT));
    }
  }

  private String title(Patient p) {
    return p.female ? v.pick(new String[] {"Mrs.", "Ms.", "Ms", "Mrs"}) : v.pick(
        new String[] {"Mr.", "Mr"});
  }

  // ---- dates ----

  LocalDate someDate() {
    return LocalDate.of(v.between(2005, 2024), v.between(1, 12), v.between(1, 28));
  }

  String date(LocalDate d) {
    int m = d.getMonthValue();
    int day = d.getDayOfMonth();
    int y = d.getYear();
    String month = PhiValues.MONTHS[m - 1];
    String mon = month.substring(0, 3);
    return switch (v.random.nextInt(14)) {
      case 0 -> String.format(Locale.ROOT, "%02d/%02d/%d", m, day, y);
      case 1 -> m + "/" + day + "/" + y;
      case 2 -> String.format(Locale.ROOT, "%02d-%02d-%d", m, day, y);
      case 3 -> m + "/" + day + "/" + String.format(Locale.ROOT, "%02d", y % 100);
      case 4 -> String.format(Locale.ROOT, "%d-%02d-%02d", y, m, day);
      case 5 -> month + " " + day + ordinal(day) + " " + y;
      case 6 -> month + " " + day + ", " + y;
      case 7 -> mon + " " + day + ", " + y;
      case 8 -> day + " " + mon + " " + y;
      case 9 -> day + ordinal(day) + " of " + month + ", " + y;
      case 10 -> String.format(Locale.ROOT, "%02d-%s-%d", day, mon, y);
      case 11 -> month + " " + y;
      case 12 -> String.format(Locale.ROOT, "%02d.%02d.%d", day, m, y);
      default -> mon + ". " + day + " " + y;
    };
  }

  static String ordinal(int d) {
    if (d >= 11 && d <= 13) {
      return "th";
    }
    return switch (d % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
  }

  // ---- blocks ----

  private void header(NoteBuilder b, Patient p) {
    b.t(v.pick(new String[] {"PROGRESS NOTE", "DISCHARGE SUMMARY", "Telephone Encounter",
        "CONSULTATION", "Clinic Visit", "ED Triage Note", "Referral", "History and Physical"}))
        .nl();
    switch (v.random.nextInt(4)) {
      case 0 -> {
        b.t("Patient: ");
        headerName(b, p);
        b.t("   DOB: ").phi(DATE, date(p.dob)).t("   MRN: ").phi(MRN, p.mrn).nl();
      }
      case 1 -> {
        b.t("Patient Name: ");
        headerName(b, p);
        b.nl().t("Date of Birth: ").phi(DATE, date(p.dob)).nl()
            .t(v.pick(new String[] {"Medical Record #: ", "MRN ", "Med Rec No. ", "MR# "}))
            .phi(MRN, p.mrn).nl();
      }
      case 2 -> {
        b.t("Name: ");
        headerName(b, p);
        b.t(" | D.O.B. ").phi(DATE, date(p.dob)).t(" | Patient ID: ").phi(MRN, p.mrn).nl();
      }
      default -> {
        b.t("Pt: ");
        headerName(b, p);
        b.t(" (MRN ").phi(MRN, p.mrn).t(")").nl().t("DOB ").phi(DATE, date(p.dob)).nl();
      }
    }
    b.t(v.pick(new String[] {"Date of Service: ", "Visit date: ", "Admitted: ", "Encounter date: "}))
        .phi(DATE, date(someDate()));
    if (v.chance(0.3)) {
      b.t("  Discharged: ").phi(DATE, date(someDate()));
    }
    b.nl();
    if (v.chance(0.3)) {
      b.t("Location: ").t(v.pick(HOSPITALS)).t(", ").t(v.pick(DEPARTMENTS)).nl();
    }
    b.nl();
  }

  private List<Consumer<NoteBuilder>> body(Patient p) {
    List<Consumer<NoteBuilder>> s = new ArrayList<>();
    s.add(b -> {
      b.t(title(p) + " ").name(p.last).t(" is a ");
      int age = v.chance(0.2) ? v.between(90, 104) : v.between(19, 89);
      if (age >= 90) {
        b.phi(AGE, String.valueOf(age));
      } else {
        b.t(String.valueOf(age));
      }
      b.t(v.pick(new String[] {"-year-old ", " year old ", " y/o ", " yo "}))
          .t(p.female ? "woman" : "man").t(" with a history of ").t(v.pick(CONDITIONS))
          .t(" who presents with ").t(v.pick(new String[] {"chest pain", "shortness of breath",
              "a fall at home", "worsening edema", "fever and cough", "confusion"})).t(".");
    });
    s.add(b -> b.t(v.pick(new String[] {"She", "He", "The patient", "Pt"}))
        .t(" was last seen in ").t(v.pick(DEPARTMENTS)).t(" on ").phi(DATE, date(someDate()))
        .t("."));
    s.add(b -> b.t("Labs ").t(v.chance(0.5) ? "on " : "from ").phi(DATE, date(someDate()))
        .t(": ").t(v.pick(LABS)).t(", ").t(v.pick(LABS)).t(", ").t(v.pick(LABS)).t("."));
    s.add(b -> b.t("Started ").t(v.pick(GENERICS)).t(" in ").t(String.valueOf(v.between(1995, 2023)))
        .t("; ").t(v.pick(DRUGS)).t(" was switched to ").t(v.pick(DRUGS)).t("."));
    s.add(b -> b.t("BP ").t(v.between(100, 170) + "/" + v.between(55, 100)).t(", HR ")
        .t(String.valueOf(v.between(50, 120))).t(", RR 16, T 98.").t(String.valueOf(v.between(0, 9)))
        .t(" F, SpO2 ").t(v.between(88, 100) + "%").t(". Pain ").t(v.between(0, 10) + "/10")
        .t(", strength 5/5, GCS 15."));
    s.add(b -> b.t("Dx: ").t(v.pick(CONDITIONS)).t(". CPT 9921").t(String.valueOf(v.between(2, 5)))
        .t(". Continue ").t(v.pick(GENERICS)).t("."));
    s.add(b -> b.t("Foley catheter removed on hospital day ").t(String.valueOf(v.between(2, 6)))
        .t("; Murphy's sign negative, Babinski downgoing. Take 1/2 tab of ").t(v.pick(DRUGS))
        .t(" x3 days."));
    s.add(b -> {
      String rf = v.first();
      String rl = v.last();
      b.t(v.chance(0.5) ? "Her " : "His ").t(v.pick(RELATIONS)).t(", ").name(rf + " " + rl)
          .t(", can be reached at ").phi(PHONE, v.phone()).t(".");
    });
    s.add(b -> b.t("Spoke with ").t(v.pick(RELATIONS)).t(" ").name(v.first()).t(" by phone at ")
        .phi(PHONE, v.phone()).t(" regarding the plan."));
    s.add(b -> b.t("Emergency contact: ").name(v.first() + " " + v.last()).t(" (")
        .t(v.pick(RELATIONS)).t("), cell ").phi(PHONE, v.phone()).t("."));
    s.add(b -> {
      b.t(v.chance(0.5) ? "Patient lives in " : "Lives with family in ").phi(CITY, p.city[0])
          .t(v.chance(0.5) ? "." : " and drives to " + v.pick(HOSPITALS) + " for dialysis.");
    });
    s.add(b -> {
      b.t("Home address: ").phi(STREET_ADDRESS, v.chance(0.15) ? v.poBox() : v.street()).t(", ")
          .phi(CITY, p.city[0]).t(", ").t(v.chance(0.7) ? p.city[1] : p.city[2]).t(" ")
          .phi(ZIP, v.zip(p.city[3])).t(".");
    });
    s.add(b -> {
      b.t("Mailing address:").nl().phi(STREET_ADDRESS, v.street()).nl().phi(CITY, p.city[0])
          .t(v.chance(0.5) ? ", " : " ").t(p.city[1]).t(" ").phi(ZIP, v.zip(p.city[3]));
    });
    s.add(b -> b.t("Seen by Dr. ").name(p.doctorLast).t(" in ").t(v.pick(DEPARTMENTS))
        .t("; follow up with ").t(v.pick(DEPARTMENTS)).t(" in ").t(v.between(2, 6) + " weeks."));
    s.add(b -> b.t(v.pick(new String[] {"Records faxed to ", "Fax: ", "Please fax results to ",
        "F: "})).phi(FAX, v.phone()).t("."));
    s.add(b -> b.t(v.pick(new String[] {"Phone: ", "Tel ", "Home phone ", "Call back number: ",
        "Reachable at "})).phi(PHONE, v.phone()).t("."));
    s.add(b -> b.t(v.pick(new String[] {"Patient portal: ", "Results posted at ",
        "Educational handout at "})).phi(URL, url(p)).t("."));
    s.add(b -> b.t("Email: ").phi(EMAIL, v.email(p.first, p.last)).t("."));
    s.add(b -> b.t("Insurance: ").t(v.pick(new String[] {"Medicare", "Blue Cross PPO", "Aetna",
        "United Healthcare", "Medicaid"})).t(v.pick(new String[] {" Member ID: ", ", member ID ",
        " Subscriber #: ", " policy number "})).phi(HEALTH_PLAN, planId()).t("."));
    s.add(b -> b.t(v.pick(new String[] {"Billing account #: ", "Acct ", "Account number "}))
        .phi(ACCOUNT, v.chance(0.5) ? v.digits(10) : v.digits(4) + "-" + v.digits(3) + "-"
            + v.digits(2)).t(v.chance(0.5) ? "; card on file " : "; Visa ")
        .phi(ACCOUNT, v.card()).t("."));
    s.add(b -> b.t(v.pick(new String[] {"Driver's license: ", "DL# ", "Driver license number "}))
        .phi(LICENSE, v.initial() + v.digits(7)).t(" (").t(p.city[1]).t(")."));
    s.add(b -> b.t("Patient was the driver of a sedan (license plate ")
        .phi(VEHICLE, v.digits(1) + v.alnum(3).replaceAll("\\d", "K") + v.digits(3))
        .t(", VIN ").phi(VEHICLE, v.vin()).t(") in a collision on I-").t(String.valueOf(v.between(5, 95)))
        .t("."));
    s.add(b -> b.t(v.pick(new String[] {"Pacemaker serial number ", "Insulin pump S/N: ",
        "Device serial # ", "Implant ID: "})).phi(DEVICE, v.alnum(2) + "-" + v.digits(5) + "-"
        + v.alnum(1)).t(", model ").t(v.pick(new String[] {"Azure XT", "t:slim X2", "Micra AV"}))
        .t("."));
    s.add(b -> b.t("Telehealth visit; the patient connected from IP ")
        .phi(IP_ADDRESS, v.chance(0.8) ? v.ipv4() : v.ipv6()).t(" using ")
        .t(v.pick(new String[] {"Zoom", "the portal app", "Doxy.me"})).t("."));
    s.add(b -> b.t(v.pick(new String[] {"Fingerprint template ID ", "Retinal scan ID: ",
        "Voiceprint ID "})).phi(BIOMETRIC, v.alnum(2) + "-" + v.digits(6)).t(" on file for")
        .t(" e-prescribing."));
    s.add(b -> b.t(v.pick(new String[] {"Case #: ", "Claim number ", "Accession #: ",
        "Specimen ID: "})).phi(OTHER_ID, v.alnum(3) + "-" + v.digits(5)).t("."));
    s.add(b -> b.t(v.pick(new String[] {"SSN: ", "Social Security number ", "SSN "}))
        .phi(SSN, v.ssn()).t("."));
    s.add(b -> b.t("Transferred from ").t(v.pick(HOSPITALS)).t(" where ").t(v.pick(DRUGS))
        .t(" and ").t(v.pick(DRUGS)).t(" were given. ").t(v.pick(DEPARTMENTS))
        .t(" agrees with the plan."));
    s.add(b -> b.t("Return precautions reviewed; ").t(p.female ? "she" : "he")
        .t(" understands and agrees. Next visit ").t(v.chance(0.5) ? "on " : "")
        .phi(DATE, v.between(1, 12) + "/" + v.between(1, 28)).t("."));
    s.add(b -> b.t("Social: ").name(p.first).t(" quit smoking in ")
        .t(String.valueOf(v.between(1980, 2020))).t(", drinks 2 beers per week, works as a ")
        .t(v.pick(new String[] {"teacher", "nurse", "carpenter", "retired engineer"})).t("."));
    s.add(b -> {
      b.t("Family history: mother died at ").t(String.valueOf(v.between(50, 89)))
          .t(" of breast cancer; father, ").t(v.chance(0.5) ? "now " : "")
          .phi(AGE, String.valueOf(v.between(90, 101))).t(" years old, lives in ")
          .phi(CITY, v.city()[0]).t(".");
    });
    s.add(b -> b.t("Reviewed with ").name(v.first() + " " + v.last()).t(", ")
        .t(v.pick(CREDENTIALS)).t(", who agrees. NPI ").phi(OTHER_ID, v.npi()).t("."));
    s.add(b -> b.t(v.pick(new String[] {"Seen 3 days after admission on ", "MRI dated ",
        "Surgery performed "})).phi(DATE, date(someDate())).t(" showed ")
        .t(v.pick(new String[] {"a 2.5 x 3.1 cm mass", "no acute process", "stable findings"}))
        .t("."));
    s.add(b -> b.t(v.pick(new String[] {"DEA # ", "Prescriber DEA: "})).phi(LICENSE, v.dea())
        .t("; refills 0. Room 412, bed 3."));
    return s;
  }

  private String url(Patient p) {
    return switch (v.random.nextInt(3)) {
      case 0 -> "https://portal.example-health.org/patient/" + v.digits(6);
      case 1 -> "www." + PhiValues.ascii(p.last).toLowerCase(Locale.ROOT) + "family.example.com";
      default -> "http://mychart.example.org/visit?id=" + v.digits(8);
    };
  }

  private String planId() {
    return switch (v.random.nextInt(3)) {
      case 0 -> v.alnum(3).replaceAll("\\d", "Q") + v.digits(9);
      case 1 -> v.digits(1) + v.alnum(3) + "-" + v.alnum(3) + "-" + v.alnum(4);
      default -> v.digits(8) + "-0" + v.between(1, 4);
    };
  }

  private void signature(NoteBuilder b, Patient p) {
    String cred = v.pick(CREDENTIALS);
    switch (v.random.nextInt(4)) {
      case 0 -> b.t("Electronically signed by ").name(p.doctorFirst + " " + p.doctorLast)
          .t(", " + cred + " on ").phi(DATE, date(someDate())).t(" at ")
          .t(v.between(7, 18) + ":" + String.format(Locale.ROOT, "%02d", v.between(0, 59)));
      case 1 -> b.name(p.doctorFirst + " " + v.initial() + ". " + p.doctorLast).t(", " + cred)
          .nl().t("NPI: ").phi(OTHER_ID, v.npi()).nl().t("Phone ").phi(PHONE, v.phone())
          .t(" | Fax ").phi(FAX, v.phone());
      case 2 -> b.t("Dictated by: Dr. ").name(p.doctorLast).t(v.chance(0.5) ? "" : ", " + cred)
          .nl().t("Transcribed: ").phi(DATE, date(someDate()));
      default -> b.t("-- ").name(p.doctorFirst + " " + p.doctorLast).t(" ").t(cred).t(", ")
          .t(v.pick(DEPARTMENTS));
    }
    b.nl();
  }
}
