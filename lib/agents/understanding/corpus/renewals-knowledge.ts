// The Renewals agent's knowledge: the demo seed gives it to the demo agent, and the intent corpus
// labels its questions with these ids.
export const RENEWALS_KNOWLEDGE = [
  {
    id: "kb_premium_features",
    question: "What does the premium plan include, and how is it different from basic?",
    answer: "Premium adds unlimited storage, priority support and advanced reports on top of everything in the basic plan.",
  },
  {
    id: "kb_contract",
    question: "How long is the contract? Is there a minimum term or commitment, or is it month to month?",
    answer: "Plans renew yearly, and you can also choose month to month with no minimum commitment.",
  },
  {
    id: "kb_cancel",
    question: "How do I cancel or turn off auto renewal?",
    answer: "You can cancel or switch off auto renewal any time from the billing page of your account, or by calling support.",
  },
  {
    id: "kb_renewal_date",
    question: "When does my current plan or subscription expire or run out, and when is the renewal date?",
    answer: "Your plan renews on the date shown on your billing page; we remind you by email two weeks before it runs out.",
  },
  {
    id: "kb_support",
    question: "How do I reach customer support, what is the help line phone number and support hours?",
    answer: "Support is open every day from 8 am to 8 pm on our help line, and by chat in the app around the clock.",
  },
  {
    id: "kb_data_privacy",
    question: "Where is my data stored, who can see my data and information, is it private and secure?",
    answer: "Your data is stored in the United States, encrypted, never sold, and only your own team can see it.",
  },
  {
    id: "kb_payment_methods",
    question: "What payment methods do you accept? Can I pay by card, invoice or bank transfer?",
    answer: "We accept all major cards, bank transfer, and invoices for annual plans.",
  },
  {
    id: "kb_trial",
    question: "Is there a free trial, can I try it before I pay?",
    answer: "Yes, you can try premium free for 14 days before you pay anything.",
  },
];
