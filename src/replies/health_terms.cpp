#include "replies/health_terms.h"

namespace turnaround::replies::internal {

const std::vector<std::string_view>& HealthTerms() {
  // Words that also describe the hospital in general ("emergency", "care", "patient",
  // "clinic") are left out on purpose: replies need them, and they reveal nothing.
  static const std::vector<std::string_view> kTerms = {
      // conditions and diagnoses
      "diabetes", "diabetic", "cancer", "tumor", "tumour", "leukemia", "lymphoma", "melanoma",
      "hiv", "aids", "hepatitis", "std", "sti", "herpes", "syphilis", "chlamydia", "gonorrhea",
      "covid", "covid-19", "coronavirus", "flu", "influenza", "pneumonia", "bronchitis",
      "asthma", "copd", "emphysema", "tuberculosis", "sepsis", "infection", "mrsa", "stroke",
      "heart attack", "heart failure", "cardiac arrest", "arrhythmia", "hypertension",
      "high blood pressure", "kidney failure", "kidney stone", "cirrhosis", "epilepsy",
      "seizure", "migraine", "concussion", "fracture", "broken arm", "broken leg", "broken hip",
      "broken bone", "dementia", "alzheimer's", "alzheimers", "parkinson's", "multiple sclerosis",
      "autism", "adhd", "depression", "depressed", "anxiety", "panic attack", "bipolar",
      "schizophrenia", "ptsd", "ocd", "eating disorder", "anorexia", "bulimia", "suicidal",
      "self-harm", "overdose", "addiction", "alcoholism", "substance abuse", "withdrawal",
      "pregnancy", "pregnant", "miscarriage", "stillbirth", "abortion", "infertility", "ivf",
      "ectopic", "preeclampsia", "postpartum", "obesity", "anemia", "lupus", "arthritis",
      "crohn's", "colitis", "appendicitis", "hernia", "cyst", "allergic reaction",
      "anaphylaxis", "sick", "illness", "disease", "disorder", "syndrome", "diagnosis",
      "diagnosed", "prognosis", "terminal", "hospice", "palliative",
      // procedures, tests and care settings
      "chemo", "chemotherapy", "radiation therapy", "radiotherapy", "surgery", "biopsy", "mri",
      "ct scan", "cat scan", "x-ray", "xray", "ultrasound", "mammogram", "colonoscopy",
      "endoscopy", "ekg", "ecg", "blood test", "blood work", "bloodwork", "lab results",
      "test results", "transplant", "amputation", "appendectomy", "hysterectomy", "mastectomy",
      "vasectomy", "tonsillectomy", "c-section", "cesarean", "knee replacement",
      "hip replacement", "stitches", "intubated", "ventilator", "dialysis", "icu", "nicu",
      "picu", "psych ward", "rehab", "physical therapy", "epidural", "anesthesia",
      // medications
      "prescription", "medication", "meds", "antibiotic", "painkiller", "opioid", "insulin",
      "morphine", "fentanyl", "oxycodone", "oxycontin", "hydrocodone", "vicodin", "percocet",
      "tramadol", "xanax", "valium", "adderall", "zoloft", "prozac", "lexapro", "methadone",
      "suboxone", "narcan", "naloxone", "antidepressant", "ssri", "steroid",
      // Spanish
      "cáncer", "diabético", "diabética", "vih", "sida", "neumonía", "gripe", "asma",
      "infección", "derrame cerebral", "infarto", "ataque al corazón", "presión alta",
      "hipertensión", "diálisis", "convulsión", "convulsiones", "fractura", "demencia",
      "depresión", "ansiedad", "esquizofrenia", "sobredosis", "adicción", "embarazo",
      "embarazada", "aborto", "cesárea", "parto", "quimioterapia", "quimio", "radioterapia",
      "cirugía", "biopsia", "resonancia", "radiografía", "tomografía", "ultrasonido",
      "mamografía", "colonoscopia", "análisis de sangre", "resultados de laboratorio",
      "trasplante", "amputación", "receta", "medicamento", "antibiótico", "insulina",
      "morfina", "diagnóstico", "diagnosticado", "diagnosticada", "enfermedad", "enfermo",
      "enferma", "rehabilitación", "uci",
  };
  return kTerms;
}

const std::vector<std::string_view>& PatientConfirmationPatterns() {
  // Group 1 is the span reported. "(?:[^\pL\pN]|$)" ends a word that may end in an
  // accented letter (RE2's \b is ASCII-only).
  static const std::vector<std::string_view> kPatterns = {
      // "your visit", "your recent ER visit", "your mother's surgery"
      R"(\b((?:your|ur)\s+(?:[a-z'’-]+\s+){0,2}?(?:visit|stay|admission|discharge|appointments?|procedures?|surgery|surgeries|operation|medical records?|records?\s+show|chart|test results?|lab results?|results|diagnosis|treatment|medications?|meds|prescriptions?|care team|doctors?|nurses?|physician|surgeon|provider|therapist|hospital room|bed|scan|x-?ray|mri|biopsy|condition|illness|injury|delivery|labou?r|exam|labs|bloodwork|blood work))\b)",
      R"(\b((?:when|while|since|after|before)\s+you\s+were\s+(?:here|admitted|discharged|seen|treated|hospitalized|with us|our patient|in (?:the |our )?(?:er|hospital|clinic|emergency room|icu|unit|ward)))\b)",
      R"(\b(you\s+were\s+(?:admitted|discharged|treated|seen by|diagnosed|hospitalized|our patient|a patient|under our care))\b)",
      R"(\b(you(?:'re|’re|\s+are)\s+(?:a|our)\s+patient)\b)",
      R"(\b(as\s+your\s+(?:doctor|nurse|physician|provider|care team|surgeon|therapist))\b)",
      R"(\b((?:(?:our|your)\s+records\s+(?:show|indicate|say)|according\s+to\s+(?:our|your)\s+records))\b)",
      R"(\b((?:we|our (?:team|staff|doctors?|nurses?))\s+(?:treated|saw|admitted|discharged|diagnosed|examined|operated on)\s+you)\b)",
      // Spanish
      R"(\b((?:su|sus|tu|tus)\s+(?:\pL+\s+){0,2}?(?:visita|estancia|estadía|citas?|procedimiento|cirugía|operación|expediente|historial|resultados|diagnóstico|tratamiento|medicamentos?|receta|médic[oa]|doctora?|enfermer[oa]|habitación|ingreso|alta|hospitalización|análisis|estudios|parto))(?:[^\pL\pN]|$))",
      R"(\b(cuando\s+(?:estuvo|estuviste)\s+(?:aquí|internad[oa]|hospitalizad[oa]|con nosotros|en (?:el|la|nuestro|nuestra) \pL+))(?:[^\pL\pN]|$))",
      R"(\b((?:usted|tú)\s+(?:fue|fuiste)\s+(?:atendid[oa]|internad[oa]|tratad[oa]|diagnosticad[oa]|dad[oa] de alta))(?:[^\pL\pN]|$))",
      R"(\b((?:usted|tú)\s+(?:es|eres|era|fue|fuiste)\s+(?:nuestr[oa]\s+)?paciente)\b)",
      R"(\b(según\s+(?:nuestros|sus)\s+registros)\b)",
  };
  return kPatterns;
}

}  // namespace turnaround::replies::internal
