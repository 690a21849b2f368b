/** Words of `<iop-insurance-verification>`, English and Spanish. Plain and warm: people read this worried. */
import type { LazyCatalog } from '../../i18n/locale.js';

export type InsuranceMessage =
  | 'title'
  | 'intro'
  | 'progress'
  | 'notConfigured'
  | 'payerHeading'
  | 'payerLabel'
  | 'payerHint'
  | 'payerListLabel'
  | 'payerCount'
  | 'payerNone'
  | 'payerLoading'
  | 'payerChosen'
  | 'networkIn'
  | 'networkOut'
  | 'networkUnknown'
  | 'unlistedToggle'
  | 'unlistedLabel'
  | 'unlistedHint'
  | 'selfPayButton'
  | 'continue'
  | 'back'
  | 'errorPayerRequired'
  | 'errorUnlistedRequired'
  | 'memberHeading'
  | 'prefillQuestion'
  | 'prefillUse'
  | 'prefillDecline'
  | 'prefillUsed'
  | 'memberIdLabel'
  | 'memberIdHintGeneric'
  | 'memberIdHintMbi'
  | 'memberIdHintBcbs'
  | 'groupLabel'
  | 'groupHint'
  | 'patientLegend'
  | 'firstNameLabel'
  | 'lastNameLabel'
  | 'dobLabel'
  | 'dobHint'
  | 'relationshipLabel'
  | 'relationshipSelf'
  | 'relationshipSpouse'
  | 'relationshipChild'
  | 'relationshipOther'
  | 'subscriberLegend'
  | 'subscriberHint'
  | 'photosLegend'
  | 'photosHint'
  | 'photoFront'
  | 'photoBack'
  | 'photoChoose'
  | 'photoWorking'
  | 'photoReady'
  | 'photoRemove'
  | 'photoFailed'
  | 'photoAlt'
  | 'photosSending'
  | 'photosSent'
  | 'photosQueued'
  | 'photosRefused'
  | 'checkButton'
  | 'errorRequiredMemberId'
  | 'errorMemberIdCharacters'
  | 'errorMemberIdTooShort'
  | 'errorMemberIdTooLong'
  | 'errorMbiFormat'
  | 'errorBcbsPrefix'
  | 'errorGroup'
  | 'errorFirstName'
  | 'errorLastName'
  | 'errorNameTooLong'
  | 'errorDobRequired'
  | 'errorDobInvalid'
  | 'errorDobFuture'
  | 'errorDobTooOld'
  | 'errorRelationship'
  | 'errorSubscriberFirstName'
  | 'errorSubscriberLastName'
  | 'errorSubscriberDob'
  | 'checkingHeading'
  | 'checkingSending'
  | 'checkingWaiting'
  | 'checkingLeave'
  | 'checkingSlow'
  | 'checkAgain'
  | 'checkFailed'
  | 'checkRefused'
  | 'resultHeading'
  | 'resultActive'
  | 'resultPlan'
  | 'resultInactive'
  | 'resultInactiveHelp'
  | 'resultNotFound'
  | 'resultNotFoundHelp'
  | 'resultDetailsMissing'
  | 'resultPayerUnavailable'
  | 'resultManual'
  | 'fixDetails'
  | 'deductibleLine'
  | 'outOfPocketLine'
  | 'coinsuranceLine'
  | 'copayLine'
  | 'priorAuthYes'
  | 'priorAuthNo'
  | 'priorAuthUnknown'
  | 'estimateHeading'
  | 'estimateRange'
  | 'estimateSingle'
  | 'estimateNotABill'
  | 'estimateAssumptions'
  | 'estimateNoPrice'
  | 'trackLabel'
  | 'assumeProgram'
  | 'assumeDeductible'
  | 'assumeDeductibleUnknown'
  | 'assumeCoinsurance'
  | 'assumeCopay'
  | 'assumeEither'
  | 'assumeShareUnknown'
  | 'assumeCap'
  | 'assumeCapUnknown'
  | 'assumeOutOfNetwork'
  | 'assumeNetworkUnknown'
  | 'assumeSelfPay'
  | 'assumeSelfPayDiscount'
  | 'assumeNotABill'
  | 'callMeButton'
  | 'startOver'
  | 'selfPayHeading'
  | 'selfPayDiscount'
  | 'selfPayPlans'
  | 'selfPayNoInfo'
  | 'callbackHeading'
  | 'callbackIntro'
  | 'phoneLabel'
  | 'phoneHint'
  | 'bestTimesLabel'
  | 'bestTimesHint'
  | 'voicemailLabel'
  | 'voicemailYes'
  | 'voicemailNo'
  | 'consentLabel'
  | 'consentText'
  | 'sendCallback'
  | 'sending'
  | 'errorPhoneRequired'
  | 'errorPhoneInvalid'
  | 'errorBestTimes'
  | 'errorVoicemail'
  | 'errorConsent'
  | 'callbackSent'
  | 'callbackQueued'
  | 'callbackRefused'
  | 'centerPhone'
  | 'planDatesLine'
  | 'familyDeductibleLine'
  | 'familyOutOfPocketLine'
  | 'visitLimitLine'
  | 'visitLimitLeftLine'
  | 'confirmDeductible'
  | 'confirmOutOfPocket'
  | 'confirmCostShare'
  | 'carveOutLine'
  | 'payerNetworkIn'
  | 'payerNetworkOut'
  | 'correctionMemberId'
  | 'correctionDateOfBirth'
  | 'correctionName'
  | 'estimateFromPlan'
  | 'estimateFromCenter'
  | 'estimateAssumed'
  | 'assumeDeductibleFamily'
  | 'assumeCapFamily'
  | 'assumeVisitLimit';

/** English inline; Spanish (insurance-verification.messages.es.ts) fetched the first time a widget speaks it. */
export const insuranceMessages: LazyCatalog<InsuranceMessage> = {
  en: {
    title: 'Check your insurance',
    intro: 'Find out whether your plan covers our Intensive Outpatient Program and what it might cost you. It takes about two minutes.',
    progress: 'Step {step} of {total}',
    notConfigured: 'This insurance check is not set up yet. Please call the center.',
    payerHeading: 'Who is your health insurance with?',
    payerLabel: 'Insurance company',
    payerHint: 'Start typing, then choose from the list. It is the name on the front of your insurance card.',
    payerListLabel: 'Insurance companies',
    payerCount: '{count, plural, one {# insurance company matches} other {# insurance companies match}}. Use the up and down arrows to choose.',
    payerNone: 'No insurance company matches. You can type its name instead.',
    payerLoading: 'Looking up insurance companies…',
    payerChosen: 'You chose {name}.',
    networkIn: 'We are in network with this insurer.',
    networkOut: 'We are not in network with this insurer. You may still be covered; we will explain your options.',
    networkUnknown: 'We will confirm whether we are in network with this insurer.',
    unlistedToggle: 'I don’t see my insurance company',
    unlistedLabel: 'Name of your insurance company',
    unlistedHint: 'As it appears on your card.',
    selfPayButton: 'I don’t have insurance, or I’d rather pay myself',
    continue: 'Continue',
    back: 'Back',
    errorPayerRequired: 'Choose your insurance company from the list, or select “I don’t see my insurance company”',
    errorUnlistedRequired: 'Enter the name of your insurance company',
    memberHeading: 'Details from your insurance card',
    prefillQuestion: 'You gave us your name and phone number a moment ago. Would you like to use them here?',
    prefillUse: 'Yes, use them',
    prefillDecline: 'No, I’ll type them',
    prefillUsed: 'We filled in your name. Please check it matches your card.',
    memberIdLabel: 'Member ID',
    memberIdHintGeneric: 'On the front of your card. It may be called “ID” or “Subscriber ID”.',
    memberIdHintMbi: 'Your Medicare Number: 11 letters and numbers, for example 1EG4-TE5-MK73. You can leave out the dashes.',
    memberIdHintBcbs: 'Include the 3 letters or numbers at the start (the prefix), for example XYZ123456789.',
    groupLabel: 'Group number (optional)',
    groupHint: 'Often on the front of your card. Leave it blank if you don’t have one.',
    patientLegend: 'The person who would come to the program',
    firstNameLabel: 'First name',
    lastNameLabel: 'Last name',
    dobLabel: 'Date of birth',
    dobHint: 'For example, {example}.',
    relationshipLabel: 'Whose plan is it?',
    relationshipSelf: 'Their own plan',
    relationshipSpouse: 'Their spouse’s or partner’s plan',
    relationshipChild: 'A parent’s plan',
    relationshipOther: 'Someone else’s plan',
    subscriberLegend: 'The policy holder',
    subscriberHint: 'The person whose name is on the insurance card.',
    photosLegend: 'Photos of the insurance card (optional)',
    photosHint: 'They help us read the numbers. We shrink them and remove hidden details such as location before they leave your phone, and send them to the center with your check. They are never kept with your saved answers.',
    photoFront: 'Front of the card',
    photoBack: 'Back of the card',
    photoChoose: '{side}: take or choose a photo',
    photoWorking: 'Preparing the photo…',
    photoReady: 'Photo ready ({size}).',
    photoRemove: 'Remove photo ({side})',
    photoFailed: 'We couldn’t read that photo. Please try another one.',
    photoAlt: 'Your photo: {side}',
    photosSending: 'Sending your card photos to the center…',
    photosSent: 'The center has received your card photos.',
    photosQueued: 'Your card photos are saved on this device, encrypted, and will be sent to the center as soon as you are back online.',
    photosRefused: 'We couldn’t send your card photos. You can show us your card when we talk.',
    checkButton: 'Check my coverage',
    errorRequiredMemberId: 'Enter the member ID from your card',
    errorMemberIdCharacters: 'The member ID can only have letters, numbers and dashes',
    errorMemberIdTooShort: 'The member ID is too short. Check it against your card',
    errorMemberIdTooLong: 'The member ID is too long. Check it against your card',
    errorMbiFormat: 'Enter the Medicare Number as it is on your card: 11 letters and numbers, like 1EG4-TE5-MK73',
    errorBcbsPrefix: 'Enter the whole member ID, including the 3 letters or numbers at the start, up to 17 characters',
    errorGroup: 'The group number can only have letters, numbers, spaces and dashes, up to 30 characters',
    errorFirstName: 'Enter their first name',
    errorLastName: 'Enter their last name',
    errorNameTooLong: 'Names must be 200 characters or fewer',
    errorDobRequired: 'Enter their date of birth',
    errorDobInvalid: 'Enter a real date of birth',
    errorDobFuture: 'The date of birth must be in the past',
    errorDobTooOld: 'Check the year of birth',
    errorRelationship: 'Choose whose plan it is',
    errorSubscriberFirstName: 'Enter the policy holder’s first name',
    errorSubscriberLastName: 'Enter the policy holder’s last name',
    errorSubscriberDob: 'Enter the policy holder’s date of birth',
    checkingHeading: 'Checking your coverage',
    checkingSending: 'Asking your insurance company. This usually takes a few seconds.',
    checkingWaiting: 'Your insurance company is taking a little longer. We are still waiting for their answer (asked {count, plural, one {once} other {# times}}).',
    checkingLeave: 'You can leave this page and come back: we keep your place on this device for a short while.',
    checkingSlow: 'This is taking much longer than usual. You can keep waiting, or let us call you with the answer.',
    checkAgain: 'Check again',
    checkFailed: 'We couldn’t reach our system just now. Nothing you typed is lost. Please try again.',
    checkRefused: 'Some details didn’t go through. Please check them and try again.',
    resultHeading: 'What we found',
    resultActive: 'Your insurance is active.',
    resultPlan: 'Plan: {plan}',
    resultInactive: 'Your insurance plan doesn’t seem to be active.',
    resultInactiveHelp: 'If you think that’s wrong, check the details you entered, or ask us to call you. You may still be able to start the program by paying yourself.',
    resultNotFound: 'We couldn’t find your plan with those details.',
    resultNotFoundHelp: 'Please check the member ID, name and date of birth against your card. Small differences matter.',
    resultDetailsMissing: 'Your plan is active, but your insurance company didn’t share the details for this kind of care. That happens often. We will call you with what it covers.',
    resultPayerUnavailable: 'Your insurance company’s system isn’t answering right now. We will check for you and call you.',
    resultManual: 'Our team will check your benefits by hand and call you.',
    fixDetails: 'Check my details',
    deductibleLine: 'Deductible: {total} a year, {remaining} still to meet.',
    outOfPocketLine: 'Out-of-pocket maximum: {total} a year, {remaining} still to meet.',
    coinsuranceLine: 'Coinsurance for outpatient mental health and addiction care: you pay {percent}% after the deductible.',
    copayLine: 'Copay for outpatient mental health and addiction care: {amount} a visit.',
    priorAuthYes: 'Your plan needs approval before you start (prior authorization). We handle that with your insurance company.',
    priorAuthNo: 'Your plan does not need approval before you start.',
    priorAuthUnknown: 'We will check whether your plan needs approval before you start.',
    estimateHeading: 'What the program might cost you',
    estimateRange: 'About {low} to {high} for the whole program.',
    estimateSingle: 'About {amount} for the whole program.',
    estimateNotABill: 'This is an estimate, not a bill.',
    estimateAssumptions: 'What this estimate is based on',
    estimateNoPrice: 'We can’t estimate a cost for this program online. We will go through it with you on the phone.',
    trackLabel: 'Which program are you thinking about?',
    assumeProgram: '{days} days of program ({daysPerWeek} days a week for {weeks} weeks) at {perDay} a day: {billed} before insurance.',
    assumeDeductible: 'You still have {amount} of your deductible to meet. Until it is met you pay the full cost of each day.',
    assumeDeductibleUnknown: 'Your plan didn’t say how much deductible is left, so the estimate runs from “already met” to “not met at all”.',
    assumeCoinsurance: 'After the deductible you pay {percent}% of each day (coinsurance).',
    assumeCopay: 'After the deductible you pay {amount} a day (copay), or less if a day costs less.',
    assumeEither: 'Your plan lists both a coinsurance and a copay and didn’t say which applies to this program, so the estimate covers both.',
    assumeShareUnknown: 'Your plan didn’t say what you pay after the deductible, so the estimate runs from nothing to the full cost.',
    assumeCap: 'You won’t pay more than the {amount} left of your out-of-pocket maximum for covered care this year.',
    assumeCapUnknown: 'Your plan didn’t share its out-of-pocket maximum, so the estimate isn’t limited by it.',
    assumeOutOfNetwork: 'We are not in network with your plan, so it may pay little or nothing. The high end is the whole program.',
    assumeNetworkUnknown: 'We haven’t confirmed that we are in network with your plan. Out of network you may pay more.',
    assumeSelfPay: 'Without insurance you pay the program price.',
    assumeSelfPayDiscount: 'Paying in advance takes {percent}% off; the low end assumes you do.',
    assumeNotABill: 'Other care (such as medication or lab tests), missed or extra days, and changes to your plan are not included.',
    callMeButton: 'Ask us to call you',
    startOver: 'Start again and forget these details',
    selfPayHeading: 'Paying for the program yourself',
    selfPayDiscount: 'Paying in advance: {percent}% off.',
    selfPayPlans: 'Interest-free monthly payment plans are available.',
    selfPayNoInfo: 'Please call us and we will go through the cost with you.',
    callbackHeading: 'Ask us to call you',
    callbackIntro: 'Someone from our admissions team will call you, usually within one working day. The call is confidential.',
    phoneLabel: 'Phone number',
    phoneHint: 'We’ll only use it to call you about your insurance.',
    bestTimesLabel: 'Best times to call (optional)',
    bestTimesHint: 'For example, weekdays after 5 pm.',
    voicemailLabel: 'If you don’t answer, may we leave a voicemail that names our center?',
    voicemailYes: 'Yes, you can leave a message',
    voicemailNo: 'No, please don’t leave a message',
    consentLabel: 'Permission to call',
    consentText: 'I agree that the center may call me at this number about my insurance and the program.',
    sendCallback: 'Ask for a call',
    sending: 'Sending…',
    errorPhoneRequired: 'Enter a phone number we can call',
    errorPhoneInvalid: 'Enter a phone number, like (303) 555-0142',
    errorBestTimes: 'Best times must be 200 characters or fewer',
    errorVoicemail: 'Choose whether we may leave a voicemail',
    errorConsent: 'Tick the box to let us call you',
    callbackSent: 'Thank you. We have your request and will call you soon.',
    callbackQueued: 'You seem to be offline. Your request is saved on this device and will be sent as soon as you are back online.',
    callbackRefused: 'We couldn’t accept the request. Please check your phone number and try again, or call us.',
    centerPhone: 'You can also call {center} at {phone}.',
    planDatesLine: 'Plan year: {begin} to {end}.',
    familyDeductibleLine: 'Family deductible: {total} a year, {remaining} still to meet.',
    familyOutOfPocketLine: 'Family out-of-pocket maximum: {total} a year, {remaining} still to meet.',
    visitLimitLine: 'Your plan covers up to {visits} outpatient mental health and addiction visits a year.',
    visitLimitLeftLine: 'Your plan covers up to {visits} outpatient mental health and addiction visits a year; {remaining} are left this year.',
    confirmDeductible: 'Deductible: your insurance company didn’t share it. We’ll confirm it by phone.',
    confirmOutOfPocket: 'Out-of-pocket maximum: your insurance company didn’t share it. We’ll confirm it by phone.',
    confirmCostShare: 'What you pay for each day after the deductible: your insurance company didn’t share it. We’ll confirm it by phone.',
    carveOutLine: 'Your plan’s mental health and addiction care is managed by another company, {name}. We’ll confirm your benefits with them and call you.',
    payerNetworkIn: 'Your insurance company describes these as in-network benefits. That is their statement about your plan; whether we are in your network comes from our own contracts.',
    payerNetworkOut: 'Your insurance company describes these as out-of-network benefits. That is their statement about your plan; whether we are in your network comes from our own contracts.',
    correctionMemberId: 'Your insurance company couldn’t match this member ID. Check it against your card and try again.',
    correctionDateOfBirth: 'Your insurance company has a different date of birth on file. Check it and try again.',
    correctionName: 'Your insurance company couldn’t match this name. Use the name exactly as it is on your card.',
    estimateFromPlan: 'From your insurance company',
    estimateFromCenter: 'From us',
    estimateAssumed: 'What we assumed',
    assumeDeductibleFamily: 'Your family has {amount} of its deductible left to meet, less than your own, and meeting it meets yours. Until then you pay the full cost of each day.',
    assumeCapFamily: 'You won’t pay more than the {amount} left of your family’s out-of-pocket maximum for covered care this year.',
    assumeVisitLimit: 'Your plan covers {covered} more days of this care this year; the other {uncovered} days are counted at the full price.',
  },
  load: { es: () => import('./insurance-verification.messages.es.js').then((module): Record<InsuranceMessage, string> => module.es) },
};
