import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { ApiError } from '../../lib/api';
import { t } from '../../lib/messages';
import { problemMessage } from '../../lib/problem';
import { Field } from '../../components/Field';
import { Alert } from '../../components/Alert';
import { SubmitButton } from '../../components/SubmitButton';
import { useSession, useSignIn } from './session';

const schema = z.object({
  email: z.string().trim().min(1, 'Informe seu e-mail.').email('Informe um e-mail válido.'),
  password: z.string().min(1, 'Informe sua senha.'),
});
type Form = z.infer<typeof schema>;

/** Where to go after signing in: only a path of this app (never another site). */
export function safeReturnPath(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const { expired } = useSession();
  const [error, setError] = useState<string | null>(null);
  const back = safeReturnPath(params.get('voltar'));
  const { register, handleSubmit, formState } = useForm<Form>({ resolver: zodResolver(schema) });

  const onSubmit = async (form: Form) => {
    setError(null);
    try {
      await signIn(form.email, form.password);
      navigate(back, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? problemMessage(e.problem, { 401: t.wrongCredentials }) : t.genericError);
    }
  };

  return (
    <section className="narrow">
      <h1>{t.signIn}</h1>
      {(expired || params.get('expirou')) && <Alert kind="info">{t.sessionExpired}</Alert>}
      {params.get('checkout') && !expired && <Alert kind="info">{t.signInToOrder}</Alert>}
      {error && <Alert kind="error">{error}</Alert>}
      <form onSubmit={handleSubmit(onSubmit)} noValidate>
        <Field label="E-mail" error={formState.errors.email?.message}>
          <input type="email" autoComplete="email" {...register('email')} />
        </Field>
        <Field label="Senha" error={formState.errors.password?.message}>
          <input type="password" autoComplete="current-password" {...register('password')} />
        </Field>
        <SubmitButton busy={formState.isSubmitting} sayBusy>
          {t.signIn}
        </SubmitButton>
      </form>
      <p>
        Ainda não tem conta? <Link to={`/cadastro?voltar=${encodeURIComponent(back)}`}>{t.signUp}</Link>
      </p>
    </section>
  );
}
