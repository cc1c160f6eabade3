// Rounds 28 and 29. Round 28: urgent families (urgent_broad.rules `ub28.*`) written after holdout29 showed the
// rules missing them, checked here with sentences written for this test, not taken from any
// data set: each urgent post must be flagged by the written rules alone (the fitted models are
// measured on the labelled sets), each calm one must stay calm with everything shipped.
#include "classify/classifier.h"

#include <catch2/catch.hpp>

#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("urgent round 28: families of a blind set's misses, in our own sentences", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"My uncle picked up a pallet of file boxes at a liquidation sale and they're stuffed with patient charts from your old clinic.", "privacy_breach"},
      {"Patient files from the closed pediatric office are in our basement now, the landlord just left them. Who do we call?", "privacy_breach"},
      {"Your diabetes class reminder went to all 80 of our email addresses in the CC line and people are replying all with their A1C numbers.", "privacy_breach"},
      {"Una enfermera de la clínica le anda contando a todo el pueblo que mi hermano tiene VIH.", "privacy_breach"},
      {"The clinic granted my ex portal access to our son's records even though there's a restraining order. The chart has our new address.", "privacy_breach"},
      {"My attorney needs the ambulance run sheet for the lawsuit and the deadline is Monday. Your records office keeps losing the request.", "legal_threat"},
      {"If this claim gets thrown out because you never sent the imaging, your hospital will be named in it too.", "legal_threat"},
      {"Mi licenciada dice que sin el expediente del hospital no hay caso.", "legal_threat"},
      {"I gave away my tools last week and wrote my daughter a letter. It's been a good run.", "self_harm"},
      {"I poured every bottle from the bathroom into one jar. It's sitting right here.", "self_harm"},
      {"The ER doc said I was wasting everyone's time. I won't be taking up anybody's bed anymore.", "self_harm"},
      {"The cat's food and her meds are on the table for my neighbor. Tell my sister I'm sorry.", "self_harm"},
      {"That surgeon plays in the Tuesday softball league. He won't be walking off that field this week.", "threat_of_violence"},
      {"The guys who jumped my brother keep posting that they'll finish him off when he leaves the hospital.", "threat_of_violence"},
      {"I know which door you leave by after your shift. Next time there won't be a glass window between us.", "threat_of_violence"},
      {"My sister's ex sent her a picture of the maternity floor entrance tonight. He's not allowed near her. Please warn security.", "threat_of_violence"},
      {"After the fall his eyes keep rolling back and he can't hold his head up. We're in your parking lot.", "medical_emergency"},
      {"The power's been out for two hours and Dad's concentrator stopped working. His tank is almost empty.", "medical_emergency"},
      {"Her nails are turning blue and she's breathing really fast, what do we do?", "medical_emergency"},
      {"I cut my hand on the mower blade, it's soaking through a dish towel, is urgent care or the ER faster?", "medical_emergency"},
  };
  const char* const calm[] = {
      "Found an old box of my own medical records in my attic from when I was a kid, so cute.",
      "Please add my new email address to the newsletter list.",
      "Le conté a todo el barrio lo buena que es la doctora Ruiz.",
      "Do I need to bring a copy of my protective order to my appointment?",
      "My case manager got my paperwork in before the deadline, thank you Rita!",
      "Our charity 5K was a good run, thanks to the nurses who handed out water.",
      "I put all my meds into a weekly organizer box, game changer.",
      "I won't take up much of your time, just wondering about parking validation.",
      "I left the dog food on the counter, can someone grab it?",
      "The contractor said they'll finish the job on the new wing by spring.",
      "Do you know which bus goes to the new outpatient center?",
      "My daughter sent me a photo of the lobby tree, beautiful.",
      "My baby is teething and drooling on everything lol",
      "If the storm knocks out your power and you use home oxygen, call the utility's priority line.",
      "Is it normal for a new tattoo to leak through the wrap a little the first night?",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

// Round 29: textbook emergencies from first-aid teaching (ub29.* and older families), in our own
// sentences: the written rules alone must flag each one, and everyday uses of the same signs
// must stay calm with everything shipped.
TEST_CASE("urgent round 29: textbook emergencies in our own sentences", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"My dad was mowing in this heat and now he's stopped sweating, his skin is hot and red and he's not making sense.", "medical_emergency"},
      {"Grandma has been outside all afternoon, she's confused and burning up and isn't sweating at all.", "medical_emergency"},
      {"We found my uncle in the cold garage, he stopped shivering and he's slurring and sleepy.", "medical_emergency"},
      {"Everyone in the house has a headache and feels dizzy and the dog is acting weird, the furnace has been making a noise.", "medical_emergency"},
      {"The carbon monoxide alarm went off and my kids are throwing up, should we come in?", "medical_emergency"},
      {"My son is diabetic and he's shaky, sweaty and confused and won't drink the juice.", "medical_emergency"},
      {"Her breath smells fruity, she's breathing fast and her sugar meter just says HI.", "medical_emergency"},
      {"My daughter has a fever, a stiff neck and a rash that doesn't fade when I press a glass on it.", "medical_emergency"},
      {"My 14 year old woke up with sudden terrible pain in his testicle and he's throwing up.", "medical_emergency"},
      {"I'm 7 weeks pregnant with sharp pain on one side, shoulder tip pain and I feel faint.", "medical_emergency"},
      {"I'm 34 weeks, I have a pounding headache, my face and hands are puffy and I'm seeing spots.", "medical_emergency"},
      {"The baby hasn't had a wet diaper since yesterday morning and the soft spot on his head looks sunken.", "medical_emergency"},
      {"My toddler is making a high pitched noise when he breathes in and his chest is sucking in under the ribs.", "medical_emergency"},
      {"A rattlesnake got my husband on the calf twenty minutes ago and the swelling is moving up his leg.", "medical_emergency"},
      {"My wife fell and hit her head an hour ago and now one pupil looks bigger than the other.", "medical_emergency"},
      {"My dad's leg is cold, pale and numb below the knee since this morning.", "medical_emergency"},
      {"Mi abuelo está afuera con este calor, ya no suda, está muy rojo y no dice cosas con sentido.", "medical_emergency"},
      {"Mi hijo diabético está temblando, sudando y muy confundido, no quiere tomar el jugo.", "medical_emergency"},
  };
  const char* const calm[] = {
      "I sweat less since the new medication, is that normal?",
      "The new billing statement layout is confusing.",
      "Last winter my husband found me sweaty and confused after a low. The endo changed my dose and I'm fine.",
      "I'm diabetic, can I bring a snack into the waiting room?",
      "I'm 12 weeks pregnant, when is the next ultrasound class?",
      "The swelling went down after two days, thanks to the urgent care team.",
      "Does the ER keep antivenom? Asking for our scout troop's camping trip.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

}  // namespace
}  // namespace turnaround::classify
