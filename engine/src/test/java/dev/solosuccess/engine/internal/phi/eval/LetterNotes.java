package dev.solosuccess.engine.internal.phi.eval;

import static dev.solosuccess.sdk.PhiType.ACCOUNT;
import static dev.solosuccess.sdk.PhiType.AGE;
import static dev.solosuccess.sdk.PhiType.CITY;
import static dev.solosuccess.sdk.PhiType.DATE;
import static dev.solosuccess.sdk.PhiType.EMAIL;
import static dev.solosuccess.sdk.PhiType.FAX;
import static dev.solosuccess.sdk.PhiType.HEALTH_PLAN;
import static dev.solosuccess.sdk.PhiType.LICENSE;
import static dev.solosuccess.sdk.PhiType.MRN;
import static dev.solosuccess.sdk.PhiType.OTHER_ID;
import static dev.solosuccess.sdk.PhiType.PHONE;
import static dev.solosuccess.sdk.PhiType.STREET_ADDRESS;
import static dev.solosuccess.sdk.PhiType.VEHICLE;
import static dev.solosuccess.sdk.PhiType.ZIP;

import java.util.Locale;

/**
 * A second family of notes, written after the recognizers were tuned on {@link ClinicalNotes}
 * and measured once before any change to them: referral letters, nursing and pharmacy entries,
 * lab and radiology headers, e-mail forwards and phone messages, with their own layouts and
 * wording. Half of the evaluation's notes come from here. Not thread-safe.
 */
final class LetterNotes {

  private final PhiValues v;
  private final ClinicalNotes dates;

  LetterNotes(PhiValues v, ClinicalNotes dates) {
    this.v = v;
    this.dates = dates;
  }

  private String date() {
    return dates.date(dates.someDate());
  }

  private String time() {
    return String.format(Locale.ROOT, "%02d%02d", v.between(0, 23), v.between(0, 59));
  }

  LabeledNote note() {
    NoteBuilder b = new NoteBuilder();
    String pf = v.first();
    String pl = v.last();
    String df = v.first();
    String dl = v.last();
    String[] city = v.city();
    switch (v.random.nextInt(6)) {
      case 0 -> letter(b, pf, pl, df, dl, city);
      case 1 -> nursing(b, pf, pl);
      case 2 -> pharmacy(b, pf, pl, df, dl);
      case 3 -> labAndImaging(b, pf, pl, dl);
      case 4 -> forward(b, pf, pl, df, dl);
      default -> message(b, pf, pl, city);
    }
    return b.build();
  }

  private void letter(NoteBuilder b, String pf, String pl, String df, String dl, String[] city) {
    b.t(v.pick(new String[] {"Dear Dr. ", "Dear Doctor ", "Dear Dr "})).name(dl).t(",").nl().nl()
        .t("Thank you for referring ").name(pf + " " + pl).t(" (DOB ").phi(DATE, date())
        .t("), whom I saw in consultation on ").phi(DATE, date()).t(". ");
    b.t(v.chance(0.5) ? "She" : "He").t(" is a pleasant ");
    if (v.chance(0.3)) {
      b.phi(AGE, String.valueOf(v.between(90, 99))).t("-year-old");
    } else {
      b.t(v.between(40, 88) + "-year-old");
    }
    b.t(" retired postal worker with stage IIIA NSCLC (C34.1) treated with carboplatin AUC 5 and"
        + " pemetrexed 500 mg/m2 in 2021. Her ECOG is 1. Ms. ").name(pl)
        .t(" asked that copies go to her son, ").name(v.first()).t(", and to her PCP.").nl().nl();
    b.t("Sincerely,").nl().nl().name(df + " " + dl).t(", MD, FACP").nl()
        .t("Division of Hematology/Oncology").nl()
        .phi(STREET_ADDRESS, v.street()).nl().phi(CITY, city[0]).t(", ").t(city[1]).t(" ")
        .phi(ZIP, v.zip(city[3])).nl().t("Tel. ").phi(PHONE, v.phone()).t("   Fax. ")
        .phi(FAX, v.phone()).nl();
  }

  private void nursing(NoteBuilder b, String pf, String pl) {
    b.t("NURSING NOTE - ").name(pl.toUpperCase(Locale.ROOT) + ", " + pf.toUpperCase(Locale.ROOT))
        .t(" - Rm 5W-12").nl();
    b.t(time()).t(": Pt resting comfortably, VSS. Family (").t(v.pick(new String[] {"daughter",
        "husband", "son", "wife"})).t(" ").name(v.first()).t(") at bedside.").nl();
    b.t(time()).t(": Dilaudid 0.5 mg IV given for pain 8/10, reassessed 3/10 at ").t(time())
        .t(".").nl();
    b.t(time()).t(": Call light within reach. Fall risk (Morse 55) precautions in place.").nl();
    b.t(time()).t(": ").name(v.first() + " " + v.last()).t(", RN, assumed care. Pt's ")
        .t(v.pick(new String[] {"brother", "niece", "partner"})).t(" called from ")
        .phi(PHONE, v.phone()).t(" asking about discharge on ").phi(DATE, date()).t(".").nl();
  }

  private void pharmacy(NoteBuilder b, String pf, String pl, String df, String dl) {
    b.t("Rx #").phi(OTHER_ID, v.digits(7)).t(" for Eliquis 5 mg #60 sent to CVS for ")
        .name(pf + " " + pl).t(".").nl();
    b.t("Prescriber: ").name(df + " " + dl).t(" (NPI ").phi(OTHER_ID, v.npi()).t(", DEA ")
        .phi(LICENSE, v.dea()).t(")").nl();
    b.t("Prior auth submitted ").phi(DATE, date()).t("; plan member ").phi(HEALTH_PLAN,
        v.alnum(3) + v.digits(8)).t(", group 44102, BIN 610014.").nl();
    b.t("Copay charged to card ").phi(ACCOUNT, v.card()).t(". NDC 0003-0894-21, lot 4A82B, exp"
        + " 11/2026.").nl();
  }

  private void labAndImaging(NoteBuilder b, String pf, String pl, String dl) {
    b.t("SPECIMEN: ").phi(OTHER_ID, "S" + v.digits(2) + "-" + v.digits(5)).t("   COLLECTED: ")
        .phi(DATE, date()).t(" ").t(time()).t("   RECEIVED: ").phi(DATE, date()).nl();
    b.t("PATIENT: ").name(pl + ", " + pf).t("   MR#: ").phi(MRN, v.mrn()).nl().nl();
    b.t("Hemoglobin A1c 8.1 % (ref 4.0-5.6). Creatinine 1.42 mg/dL (H). HbA1c 3 months ago: 7.4"
        + " %.").nl();
    b.t("IMPRESSION: Stable 4 mm RUL nodule; Fleischner follow-up in 12 months. COMPARISON: CT"
        + " chest dated ").phi(DATE, date()).t(".").nl();
    b.t("Critical result discussed with Dr. ").name(dl).t(" by telephone at ").t(time())
        .t(" on ").phi(DATE, date()).t(", read back confirmed.").nl();
  }

  private void forward(NoteBuilder b, String pf, String pl, String df, String dl) {
    String email = v.email(pf, pl);
    b.t("From: ").name(pf + " " + pl).t(" <").phi(EMAIL, email).t(">").nl()
        .t("Sent: ").t(v.pick(new String[] {"Monday", "Tuesday", "Friday"})).t(", ")
        .phi(DATE, date()).t(" 9:14 AM").nl()
        .t("To: ").name(df + " " + dl).nl().t("Subject: question about my Lasix").nl().nl()
        .t("Hi Dr. ").name(dl).t(", my ankles are swollen again since the dose went down to 20 mg."
            + " My new cell is ").phi(PHONE, v.phone()).t(" if you need me. Thanks, ").name(pf)
        .nl();
  }

  private void message(NoteBuilder b, String pf, String pl, String[] city) {
    b.t("PHONE MESSAGE  ").phi(DATE, date()).nl()
        .t("Caller: ").name(pf + " " + pl).t(" (self)  Callback: ").phi(PHONE, v.phone()).nl()
        .t("Pt was rear-ended on Route 9; other driver's plate ")
        .phi(VEHICLE, v.alnum(3) + "-" + v.digits(4)).t(". Has neck pain, took ibuprofen 600 mg."
            + " Staying with her sister in ").phi(CITY, city[0]).t(" until ")
        .phi(DATE, date()).t(". Account ").phi(ACCOUNT, v.digits(9)).t(" has a balance of $212.40.")
        .nl();
  }

}
