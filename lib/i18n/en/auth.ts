export const auth = {
  "auth.email": "Email",
  "auth.username": "Username",
  "auth.password": "Password",
  "auth.passwordConfirm": "Confirm password",

  "auth.signIn.title": "Sign in",
  "auth.signIn.subtitle": "Welcome back. Sign in to {instance}.",
  "auth.signIn.submit": "Sign in",
  "auth.signIn.failed": "That email and password do not match an active account.",
  "auth.signIn.help": "Forgot your password? Ask an administrator to reset it.",

  "auth.setup.title": "Set up {instance}",
  "auth.setup.subtitle": "Create the first account. It becomes the administrator of this instance.",
  "auth.setup.submit": "Create administrator",
  "auth.setup.done": "Setup complete. Welcome!",
  "auth.setup.alreadyDone": "This instance is already set up. Please sign in.",
  "auth.setup.step": "First-run setup",

  "auth.hint.username": "Shown to your team. Letters, digits, dots, dashes and underscores.",
  "auth.hint.password": "At least {min} characters.",
  "auth.error.email": "Enter a valid email address.",
  "auth.error.username": "2–32 characters: letters, digits, dots, dashes and underscores, starting with a letter or digit.",
  "auth.error.password": "Use at least {min} characters.",
  "auth.error.passwordMismatch": "The passwords do not match.",
  "auth.error.required": "Required.",
  "auth.error.taken": "Already taken.",
} as const;
